import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { REQUEST_ID, SERVICE, startTracing } from '../../common/tracing';
import { SUBGRAPH_NAMES } from '../../common/config/subgraphs';
import { FOLLOW_THE_MONEY } from '../../tools/bench/follow-the-money.query';
import { startFederation, type TestFederation } from '../helpers/federation';

/*
 * Tracing on, read through an in-memory exporter: the gateway and the five subgraphs share this process, so they
 * share its tracer provider, and the spans tell their process by the `ftm.service` attribute.
 */
const exporter = new InMemorySpanExporter();
/** The Follow-the-Money query with the commitment's public reports and completion, so that it reaches all five subgraphs. */
const FOLLOW_THE_MONEY_AND_REPORTS = FOLLOW_THE_MONEY.replace(
  'commitment(id: $id) {',
  'commitment(id: $id) {\n    completion reports(first: 5) { totalCount edges { node { id status } } }',
);
let stopTracing: () => Promise<void>;
let api: TestFederation;
beforeAll(async () => {
  stopTracing = startTracing('ftm-test', new SimpleSpanProcessor({ exporter }));
  api = await startFederation();
}, 180_000);
afterAll(async () => {
  await api?.stop();
  await stopTracing?.();
});

test('a Follow-the-Money request is one trace: the gateway, its plan and fetches, each subgraph, their resolvers and SQL', async () => {
  exporter.reset();
  const response = await fetch(api.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'trace-ftm-1' },
    body: JSON.stringify({ query: FOLLOW_THE_MONEY_AND_REPORTS, variables: { id: 'MX-TLA-PAL-2016-03' } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();

  const spans = exporter.getFinishedSpans();
  const front = spans.find((span) => span.attributes[SERVICE] === 'gateway' && span.attributes[REQUEST_ID] === 'trace-ftm-1');
  expect(front?.name).toBe('POST /graphql');
  const traceId = front!.spanContext().traceId;
  const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
  const of = (service: string) => inTrace.filter((span) => span.attributes[SERVICE] === service);
  const names = (list: ReadableSpan[]) => new Set(list.map((span) => span.name));

  // The gateway: its HTTP span, and @apollo/gateway's own plan and fetch spans under it.
  expect(inTrace.filter((span) => span.parentSpanContext === undefined)).toEqual([front]);
  expect([...names(inTrace)]).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']));
  // Each subgraph the query touches, with the request id, a resolver span and its SQL.
  for (const subgraph of SUBGRAPH_NAMES) {
    const served = of(subgraph);
    const server = served.filter((span) => span.name === 'POST /graphql');
    expect(server.length).toBeGreaterThan(0);
    for (const span of server) expect(span.attributes[REQUEST_ID]).toBe('trace-ftm-1');
    expect([...names(served)].some((name) => name.startsWith('resolve Query.'))).toBe(true);
    const sql = served.filter((span) => span.name.startsWith('SQL '));
    expect(sql.length).toBeGreaterThan(0);
    for (const span of sql) expect(String(span.attributes['db.query.text'])).toMatch(/^\s*(SELECT|WITH)/i);
  }
});

test('each request is a trace of its own', async () => {
  exporter.reset();
  for (const id of ['trace-a', 'trace-b']) {
    await fetch(api.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': id },
      body: JSON.stringify({ query: '{ commitment(id: "MX-TLA-PAL-2016-03") { title actionPlan { state { name } } } }' }),
    });
  }
  const traceOf = (id: string) =>
    new Set(
      exporter
        .getFinishedSpans()
        .filter((span) => span.attributes[REQUEST_ID] === id)
        .map((span) => span.spanContext().traceId),
    );
  // The gateway's span and the subgraphs' under it, each request in one trace, and not the other's.
  const [a, b] = [traceOf('trace-a'), traceOf('trace-b')];
  expect(a.size).toBe(1);
  expect(b.size).toBe(1);
  expect([...a][0]).not.toBe([...b][0]);
});
