import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import type { Request } from 'express';
import { buildASTSchema, type GraphQLError, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { Redis } from 'ioredis';
import { DataVersions } from '../../gateway/cache/data-versions';
import { TouchedSubgraphs } from '../../gateway/cache/touched-subgraphs';
import { supergraphOf } from '../../gateway/supergraph';
import { createLogger } from '../../common/logger';
import { SubgraphDataSource, subgraphServices } from '../../gateway/subgraph-client';
import { describeWithRedis } from '../helpers/redis';
import { isMutationRequest } from '../../gateway/writes/mutation-request';
import { type WritesContext, writableFieldsPlugin } from '../../gateway/writes/writable-fields.plugin';

/** A supergraph in which another subgraph than participation also offers mutations, as a later composition might. */
const SUPERGRAPH = `
enum join__Graph {
  BUDGETS @join__graph(name: "budgets", url: "http://localhost:1/graphql")
  PARTICIPATION @join__graph(name: "participation", url: "http://localhost:2/graphql")
}
type Query @join__type(graph: BUDGETS) @join__type(graph: PARTICIPATION) {
  program(id: ID!): String @join__field(graph: BUDGETS)
}
type Mutation @join__type(graph: BUDGETS) @join__type(graph: PARTICIPATION) {
  reportProblem(body: String!): String @join__field(graph: PARTICIPATION)
  flagReport(id: ID!): String @join__field(graph: PARTICIPATION)
  setApproved(id: ID!): String @join__field(graph: BUDGETS)
  shared: String @join__field(graph: BUDGETS) @join__field(graph: PARTICIPATION)
}`;

describe('mutations the gateway runs', () => {
  const touched = new TouchedSubgraphs(supergraphOf(SUPERGRAPH));
  const schema = buildASTSchema(parse(SUPERGRAPH), { assumeValidSDL: true });
  const plugin = writableFieldsPlugin(touched);

  async function check(source: string): Promise<{ refused?: GraphQLError; context: WritesContext }> {
    const document = parse(source);
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const context: WritesContext = {};
    const listener = await plugin.requestDidStart!({} as never);
    try {
      await listener!.didResolveOperation!({ operation, document, schema, contextValue: context } as never);
      return { context };
    } catch (error) {
      return { refused: error as GraphQLError, context };
    }
  }

  test('participation mutations run, and say which subgraph they write to', async () => {
    const { refused, context } = await check('mutation { reportProblem(body: "x") flagReport(id: "1") __typename }');
    expect(refused).toBeUndefined();
    expect(context.written).toEqual(['participation']);
  });

  test("another subgraph's mutation, or one shared with it, is refused with a code, also behind fragments", async () => {
    for (const source of [
      'mutation { setApproved(id: "1") }',
      'mutation { reportProblem(body: "x") setApproved(id: "1") }',
      'mutation { shared }',
      'mutation { ... on Mutation { setApproved(id: "1") } }',
      'mutation { ...Write } fragment Write on Mutation { reportProblem(body: "x") ...Other } fragment Other on Mutation { setApproved(id: "2") }',
    ]) {
      const { refused, context } = await check(source);
      expect(refused?.extensions).toEqual(expect.objectContaining({ code: 'MUTATION_NOT_ALLOWED', http: { status: 400 } }));
      expect(context.written).toBeUndefined();
    }
  });

  test('queries are none of its business', async () => {
    const { refused, context } = await check('{ program(id: "1") }');
    expect(refused).toBeUndefined();
    expect(context.written).toBeUndefined();
  });
});

describe('telling writes from reads before Apollo', () => {
  const post = (body: unknown) => ({ method: 'POST', body }) as Request;
  const get = (query: Record<string, string>) => ({ method: 'GET', query }) as unknown as Request;

  test('a mutation is a write, by POST or GET, named or alone', () => {
    expect(isMutationRequest(post({ query: 'mutation { reportProblem(body: "x") }' }), 100)).toBe(true);
    expect(isMutationRequest(get({ query: 'mutation M { a }' }), 100)).toBe(true);
    expect(isMutationRequest(post({ query: 'query Q { a } mutation M { b }', operationName: 'M' }), 100)).toBe(true);
  });

  test('a query is a read, even one that names mutations in a string or picks its query among several operations', () => {
    expect(isMutationRequest(post({ query: '{ search(text: "mutation") { total } }' }), 100)).toBe(false);
    expect(isMutationRequest(post({ query: 'query Q { a } mutation M { b }', operationName: 'Q' }), 100)).toBe(false);
    // Which operation runs is unknown: Apollo refuses it, and the read budget has counted it.
    expect(isMutationRequest(post({ query: 'query Q { a } mutation M { b }' }), 100)).toBe(false);
    expect(isMutationRequest(post({ query: 'mutation {' }), 100)).toBe(false);
    expect(isMutationRequest(post({ query: 'mutation { a b c d e }' }), 3)).toBe(false);
    expect(isMutationRequest(post(undefined), 100)).toBe(false);
  });

  test('a request whose text changes (the safelist swaps a hash for its text) is classified again', () => {
    const req = post({ query: '{ a }' });
    expect(isMutationRequest(req, 100)).toBe(false);
    req.body = { query: 'mutation { a }' };
    expect(isMutationRequest(req, 100)).toBe(true);
  });
});

/**
 * A subgraph whose data version the test sets. A request answers the version current when it arrived; while `hold` is
 * set, a request is kept unanswered until the test releases it (`arrived` resolves when one is being kept).
 */
async function versionServer(initial: number) {
  const state = { version: initial, hold: false };
  const held: (() => void)[] = [];
  let arrived = () => {};
  const server = http.createServer((_req, res) => {
    const answer = () => res.end(JSON.stringify({ data: { dataVersion: { participation: { version: state.version } } } }));
    if (!state.hold) {
      answer();
      return;
    }
    const version = state.version;
    held.push(() => res.end(JSON.stringify({ data: { dataVersion: { participation: { version } } } })));
    arrived();
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return {
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    arrival: () => new Promise<void>((resolve) => (arrived = resolve)),
    release: () => {
      for (const answer of held.splice(0)) answer();
    },
    close: () => server.close(),
  };
}

describe('data versions after a write', () => {
  test('a read started before the write and answered after it does not bring the old version back', async () => {
    const subgraph = await versionServer(1);
    const versions = new DataVersions({ subgraphs: { participation: subgraph.url }, pollMs: 3_600_000 });
    try {
      await versions.start();
      expect(versions.keyOf(['participation'])).toBe('participation@1');
      // A poll reads 1 and is kept waiting; then the write lands, and its read, started after the poll, answers 2.
      subgraph.state.hold = true;
      const arrival = subgraph.arrival();
      const poll = versions.refresh();
      await arrival;
      Object.assign(subgraph.state, { hold: false, version: 2 });
      await versions.written(['participation']);
      expect(versions.keyOf(['participation'])).toBe('participation@2');
      subgraph.release();
      await poll;
      expect(versions.keyOf(['participation'])).toBe('participation@2');
    } finally {
      await versions.stop();
      subgraph.close();
    }
  });
});

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/15';

describeWithRedis(REDIS_URL, 'versions shared by the gateways')('data versions written through another gateway', () => {
  test('one gateway records the version its write produced; another takes it before its next lookup, never a lower one', async () => {
    const subgraph = await versionServer(4);
    const key = `ftm-test-versions-${process.pid}-${Date.now()}`;
    const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    const gateways = clients.map(
      (client) =>
        new DataVersions({
          subgraphs: { participation: subgraph.url },
          pollMs: 3_600_000,
          shared: { client, key, subgraphs: new Set(['participation']) },
        }),
    );
    const [writer, reader] = gateways;
    try {
      for (const gateway of gateways) await gateway.start();
      subgraph.state.version = 5;
      await writer.written(['participation']);
      expect(writer.keyOf(['participation'])).toBe('participation@5');
      expect(reader.keyOf(['participation'])).toBe('participation@4');
      await reader.catchUp(['budgets']);
      expect(reader.keyOf(['participation'])).toBe('participation@4');
      await reader.catchUp(['budgets', 'participation']);
      expect(reader.keyOf(['participation'])).toBe('participation@5');
      // A slower writer's older version does not replace the newer one.
      await clients[0].zadd(key, 'GT', 3, 'participation');
      expect(await clients[0].zscore(key, 'participation')).toBe('5');
    } finally {
      for (const gateway of gateways) await gateway.stop();
      await clients[0].del(key);
      for (const client of clients) client.disconnect();
      subgraph.close();
    }
  });
});

describe("the client's headers, and merging, on the way to the subgraphs", () => {
  const config = { timeoutMs: 2_000, keepAliveMs: 1_000, connectionsPerSubgraph: 4 };
  const logger = createLogger('gateway', { level: 'silent' });
  let received: http.IncomingHttpHeaders[] = [];
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const id = String(received.push(req.headers));
      // Held a little, so that identical requests sent together are in flight together.
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { reportProblem: { id } } }));
      }, 50);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    received = [];
  });

  function fetchOf(source: SubgraphDataSource, operation: 'query' | 'mutation', headers: Record<string, string>) {
    const options = {
      kind: 'incoming operation',
      request: { query: `${operation} { reportProblem { id } }`, variables: {} },
      incomingRequestContext: { operation: { operation }, request: { http: { headers: new HeaderMap(Object.entries(headers)) } } },
      context: { requestId: 'r-1', clientAddress: '203.0.113.7' },
    };
    return source.process(options as unknown as Parameters<SubgraphDataSource['process']>[0]);
  }

  const client = { authorization: 'Bearer abc.def.ghi', 'idempotency-key': 'k-1', cookie: 'session=1' };

  test("participation gets the token, the idempotency key and the client's address; no subgraph gets cookies", async () => {
    const build = subgraphServices({ participation: url, budgets: url }, config, { logger });
    await fetchOf(build({ name: 'participation' }), 'mutation', client);
    await fetchOf(build({ name: 'budgets' }), 'query', client);
    expect(received[0]).toEqual(
      expect.objectContaining({ authorization: client.authorization, 'idempotency-key': 'k-1', 'x-forwarded-for': '203.0.113.7' }),
    );
    expect(received[0].cookie).toBeUndefined();
    for (const name of ['authorization', 'idempotency-key', 'x-forwarded-for', 'cookie']) expect(received[1][name]).toBeUndefined();
  });

  test('two identical writes in flight together are two requests; identical reads merge only under the same token', async () => {
    const participation = new SubgraphDataSource('participation', url, config, { logger }, true);
    const writes = await Promise.all([fetchOf(participation, 'mutation', client), fetchOf(participation, 'mutation', client)]);
    expect(received).toHaveLength(2);
    expect(writes.map((write) => (write.data as any).reportProblem.id).sort()).toEqual(['1', '2']);
    received = [];
    await Promise.all([fetchOf(participation, 'query', client), fetchOf(participation, 'query', client)]);
    expect(received).toHaveLength(1);
    received = [];
    await Promise.all([fetchOf(participation, 'query', client), fetchOf(participation, 'query', { authorization: 'Bearer other' })]);
    expect(received).toHaveLength(2);
  });
});
