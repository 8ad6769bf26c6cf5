import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { HeaderMap } from '@apollo/server';
import type { Request } from 'express';
import { buildASTSchema, type GraphQLError, Kind, type OperationDefinitionNode, parse } from 'graphql';
import type { Redis } from 'ioredis';
import { DataVersions } from '../../gateway/cache/data-versions';
import { TouchedSubgraphs } from '../../gateway/cache/touched-subgraphs';
import { createLogger } from '../../common/logger';
import { SubgraphDataSource, subgraphServices } from '../../gateway/subgraph-client';
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
  const touched = new TouchedSubgraphs(SUPERGRAPH);
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

/** A subgraph that answers its data version with the version and delay the test sets for each request. */
async function versionServer(answers: { version: number; delayMs: number }[]) {
  let asked = 0;
  const server = http.createServer((_req, res) => {
    const { version, delayMs } = answers[Math.min(asked, answers.length - 1)];
    asked += 1;
    setTimeout(() => res.end(JSON.stringify({ data: { dataVersion: { participation: { version } } } })), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, close: () => server.close() };
}

/** Enough of an ioredis client for DataVersions: messages in, publications out. */
function fakeRedis() {
  const client = Object.assign(new EventEmitter(), {
    published: [] as [string, string][],
    subscribe: async () => 1,
    publish: async (channel: string, message: string) => {
      client.published.push([channel, message]);
      return 1;
    },
    quit: async () => 'OK',
  });
  return client;
}

describe('data versions after a write', () => {
  test('a read started before the write and answered after it does not bring the old version back', async () => {
    // The start reads 1; a poll reads 1 slowly; the write's read, started after it, answers 2 at once.
    const subgraph = await versionServer([
      { version: 1, delayMs: 0 },
      { version: 1, delayMs: 300 },
      { version: 2, delayMs: 0 },
    ]);
    const versions = new DataVersions({ subgraphs: { participation: subgraph.url }, pollMs: 3_600_000 });
    try {
      await versions.start();
      expect(versions.keyOf(['participation'])).toBe('participation@1');
      const poll = versions.refresh();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await versions.written(['participation']);
      expect(versions.keyOf(['participation'])).toBe('participation@2');
      await poll;
      expect(versions.keyOf(['participation'])).toBe('participation@2');
    } finally {
      await versions.stop();
      subgraph.close();
    }
  });

  test('a write is announced with its version, and an announcement is taken as it comes', async () => {
    const subgraph = await versionServer([
      { version: 4, delayMs: 0 },
      { version: 5, delayMs: 0 },
    ]);
    const subscriber = fakeRedis();
    const publisher = fakeRedis();
    const versions = new DataVersions({
      subgraphs: { participation: subgraph.url },
      pollMs: 3_600_000,
      subscriber: { client: subscriber as unknown as Redis, channel: 'ftm:data-version' },
      publisher: { client: publisher as unknown as Redis, channel: 'ftm:data-version' },
    });
    try {
      await versions.start();
      await versions.written(['participation']);
      expect(publisher.published).toEqual([['ftm:data-version', 'participation@5']]);
      // Another gateway's write: applied at once, without asking the subgraph.
      subscriber.emit('message', 'ftm:data-version', 'participation@9');
      expect(versions.keyOf(['participation'])).toBe('participation@9');
      // An announcement for a subgraph this gateway does not know is a reason to read them all again, not a version.
      subscriber.emit('message', 'ftm:data-version', 'elsewhere@1');
      expect(versions.keyOf(['participation'])).toBe('participation@9');
    } finally {
      await versions.stop();
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
