import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { Redis } from 'ioredis';
import type { RequestContext } from '../../common/http/graphql';
import { FOLLOW_THE_MONEY } from '../../tools/bench/follow-the-money.query';
import { describeWithRedis } from '../helpers/redis';
import { startFederation, type TestFederation } from '../helpers/federation';
import { sample } from '../helpers/metrics';

const STATES = '{ states(first: 3) { edges { node { id name } } } }';
const PAGE = 'query Page($n: Int) { institutions(first: $n) { edges { node { id name } } } }';
const DEEP = '{ commitment(id: "MX-TLA-PAL-2016-03") { contracts { transactions { records { code } } } } }';

/** Counts the requests that reach Apollo's pipeline: a hit answered in front of it leaves the count alone. */
function apolloCounter() {
  const counter = { requests: 0, plugin: undefined as unknown as ApolloServerPlugin<RequestContext> };
  counter.plugin = {
    async requestDidStart() {
      counter.requests += 1;
    },
  };
  return counter;
}

async function post(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const codeOf = (text: string) => (JSON.parse(text) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code;

describe('cached answers in front of Apollo', () => {
  const logged: Record<string, any>[] = [];
  const apollo = apolloCounter();
  let api: TestFederation;
  beforeAll(async () => {
    api = await startFederation({
      gatewayEnv: { RESPONSE_CACHE: 'true', DATA_VERSION_POLL_MS: '3600000', LOG_LEVEL: 'info' },
      plugins: [apollo.plugin],
      logDestination: { write: (line: string) => logged.push(JSON.parse(line)) },
    });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  test('a repeated POST is answered without reaching Apollo, byte for byte and header for header as Apollo answered it', async () => {
    const variables = { id: 'MX-TLA-PAL-2016-03' };
    const first = await post(api.gateway.url, FOLLOW_THE_MONEY, variables);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const reached = apollo.requests;
    const metricsUrl = api.gateway.url.replace('/graphql', '/metrics');
    const before = await (await fetch(metricsUrl)).text();
    const second = await post(api.gateway.url, FOLLOW_THE_MONEY, variables, { 'x-request-id': 'cached-answer-1' });
    expect(apollo.requests).toBe(reached);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.text).toBe(first.text);
    for (const header of ['content-type', 'cache-control', 'content-security-policy', 'access-control-allow-origin']) {
      expect([header, second.headers.get(header)]).toEqual([header, first.headers.get(header)]);
    }
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.headers.get('x-request-id')).toBe('cached-answer-1');
    expect(logged.some((line) => line.name === 'gateway' && line.req?.id === 'cached-answer-1' && line.res?.statusCode === 200)).toBe(true);

    const after = await (await fetch(metricsUrl)).text();
    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('ftm_response_cache_lookups_total', { result: 'hit' })).toBe(1);
    expect(delta('ftm_response_cache_lookups_total', { result: 'miss' })).toBe(0);
    expect(delta('ftm_graphql_operations_total', { operation_type: 'query', status: '200' })).toBe(1);
  });

  test('another text of the same operation, or other variables, goes through Apollo first', async () => {
    await post(api.gateway.url, STATES);
    let reached = apollo.requests;
    const respaced = await post(api.gateway.url, `# the same question\n${STATES.replaceAll(' ', '  ')}`);
    // Apollo normalises the text, so the new text finds the answer the first one left; only then is the text known here.
    expect([respaced.headers.get('x-cache'), apollo.requests]).toEqual(['HIT', reached + 1]);
    reached = apollo.requests;
    expect((await post(api.gateway.url, `# the same question\n${STATES.replaceAll(' ', '  ')}`)).headers.get('x-cache')).toBe('HIT');
    expect(apollo.requests).toBe(reached);

    expect((await post(api.gateway.url, PAGE, { n: 2 })).headers.get('x-cache')).toBe('MISS');
    expect((await post(api.gateway.url, PAGE, { n: 2 })).headers.get('x-cache')).toBe('HIT');
    reached = apollo.requests;
    expect((await post(api.gateway.url, PAGE, { n: 3 })).headers.get('x-cache')).toBe('MISS');
    expect(apollo.requests).toBe(reached + 1);
  });

  test('a GET hit carries the ETag Apollo gave, and If-None-Match gets 304, both without reaching Apollo', async () => {
    const url = `${api.gateway.url}?query=${encodeURIComponent(PAGE)}&variables=${encodeURIComponent('{"n":4}')}`;
    const first = await fetch(url);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const body = await first.text();
    const reached = apollo.requests;
    const second = await fetch(url);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe('no-cache');
    expect(await second.text()).toBe(body);
    // Through node:http: fetch() adds `Cache-Control: no-cache` to a request with If-None-Match, which forbids a 304.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(url, { headers: { 'if-none-match': first.headers.get('etag')! } }, (response) => resolve(response.resume().statusCode))
        .on('error', reject);
    });
    expect(status).toBe(304);
    expect(apollo.requests).toBe(reached);
  });

  test('an Accept header asking for another media type is left to Apollo, which still answers from the cache', async () => {
    await post(api.gateway.url, STATES);
    const reached = apollo.requests;
    const answer = await post(api.gateway.url, STATES, undefined, { accept: 'application/graphql-response+json' });
    expect(answer.headers.get('x-cache')).toBe('HIT');
    expect(answer.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(apollo.requests).toBe(reached + 1);
  });

  test('the rate limit still counts and refuses cached answers', async () => {
    const limited = await api.anotherGateway({ RESPONSE_CACHE: 'true', DATA_VERSION_POLL_MS: '3600000', RATE_LIMIT_REQUESTS: '3' });
    const caches = [];
    for (let i = 0; i < 3; i++) caches.push((await post(limited.url, STATES)).headers.get('x-cache'));
    expect(caches).toEqual(['MISS', 'HIT', 'HIT']);
    const refused = await post(limited.url, STATES);
    expect([refused.status, codeOf(refused.text)]).toEqual([429, 'RATE_LIMITED']);
  });
});

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/4';

describeWithRedis(REDIS_URL, 'the cached-answer limits test')('a shared cache never lets through what a stricter gateway refuses', () => {
  let api: TestFederation;
  const env = {
    RESPONSE_CACHE: 'true',
    REDIS_URL,
    REDIS_KEY_PREFIX: `ftm:test:${process.pid}:${Date.now()}:`,
    DATA_VERSION_POLL_MS: '3600000',
  };
  beforeAll(async () => {
    api = await startFederation();
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  test('the safelist, the depth limit and the cost limit refuse what the other gateway cached', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-safelist-'));
    const file = path.join(folder, 'operations.json');
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    fs.writeFileSync(file, JSON.stringify({ [sha256(PAGE)]: PAGE, [sha256(DEEP)]: DEEP }));
    const lax = await api.anotherGateway(env);
    const strict = await api.anotherGateway({ ...env, PERSISTED_OPERATIONS_PATH: file, QUERY_MAX_DEPTH: '4', QUERY_MAX_COST: '20' });

    for (const [query, variables] of [[STATES], [DEEP], [PAGE, { n: 2 }], [PAGE, { n: 50 }]] as const) {
      expect((await post(lax.url, query, variables)).status).toBe(200);
      expect((await post(lax.url, query, variables)).headers.get('x-cache')).toBe('HIT');
    }
    // The strict gateway shares the answers: a cheap page comes from the cache, and its text is now accepted there.
    const shared = await post(strict.url, PAGE, { n: 2 });
    expect([shared.status, shared.headers.get('x-cache'), JSON.parse(shared.text).data.institutions.edges.length]).toEqual([200, 'HIT', 2]);
    expect((await post(strict.url, PAGE, { n: 2 })).headers.get('x-cache')).toBe('HIT');

    const refusals = [];
    for (const [query, variables] of [[STATES], [DEEP], [PAGE, { n: 50 }]] as const) {
      const answer = await post(strict.url, query, variables);
      refusals.push([answer.status, codeOf(answer.text)]);
    }
    expect(refusals).toEqual([
      [400, 'OPERATION_NOT_ALLOWED'],
      [400, 'QUERY_TOO_DEEP'],
      [400, 'QUERY_TOO_COSTLY'],
    ]);
  });

  test('a known text that misses reads Redis once, not once in front of Apollo and again in its plugin', async () => {
    const gateway = await api.anotherGateway(env);
    const redis = new Redis(REDIS_URL);
    const gets = async () => Number(/cmdstat_get:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
    try {
      expect((await post(gateway.url, PAGE, { n: 5 })).headers.get('x-cache')).toBe('MISS');
      const before = await gets();
      // The text is known now, so the lookup in front of Apollo runs, misses, and tells the plugin so.
      expect((await post(gateway.url, PAGE, { n: 6 })).headers.get('x-cache')).toBe('MISS');
      expect((await gets()) - before).toBe(1);
      expect((await post(gateway.url, PAGE, { n: 6 })).headers.get('x-cache')).toBe('HIT');
      expect((await gets()) - before).toBe(2);
    } finally {
      redis.disconnect();
    }
  });
});
