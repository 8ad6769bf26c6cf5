import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { readExamples } from '../../web/examples';
import { describeWithRedis } from '../helpers/redis';
import { startFederation, type TestFederation } from '../helpers/federation';

/** The operations the README and the documents it leads to show a reader. */
const DOCS = ['../../README.md', '../../docs/questions.md', '../../docs/importing.md']
  .map((file) => fs.readFileSync(path.resolve(__dirname, file), 'utf8'))
  .join('\n');
const DOC_OPERATIONS = [...DOCS.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
const FOLLOW_THE_MONEY = DOC_OPERATIONS.find((operation) => operation.includes('query FollowTheMoney'))!;

/** The three-level query of the issue: a hundred children, each with its parent's hundred children, three times. */
const THREE_LEVELS = `{ institution(id: "MX-RAMO-11") { name children(first: 100) { edges { node { name parent {
  children(first: 100) { edges { node { name parent { children(first: 100) { edges { node { id name } } } } } } } } } } } } }`;
const nested = (levels: number) =>
  `query Nested($n: Int) { institution(id: "MX-RAMO-11") { ${'children(first: $n) { edges { node { id '.repeat(levels)}${'} } }'.repeat(levels)} } }`;
const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: institution(id: "MX-RAMO-11") { name }`).join(' ')} }`;

let api: TestFederation;
const gateway = (env: Record<string, string>) => api.anotherGateway(env);

beforeAll(async () => {
  api = await startFederation();
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

async function ask(url: string, query: string, variables?: Record<string, unknown>, init: RequestInit = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    ...init,
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] };
  return {
    status: response.status,
    headers: response.headers,
    data: body.data,
    errors: body.errors,
    code: body.errors?.[0]?.extensions.code,
  };
}

describe('limits before planning', () => {
  test('every operation of the README, docs/questions.md and docs/importing.md, and the Follow-the-Money query pass the default limits', async () => {
    expect(DOC_OPERATIONS.length).toBeGreaterThanOrEqual(9);
    for (const operation of DOC_OPERATIONS) {
      const { status, errors } = await ask(api.gateway.url, operation, { id: 'MX-TLA-PAL-2016-03' });
      expect({ operation, errors }).toEqual({ operation, errors: undefined });
      expect(status).toBe(200);
    }
    const { data } = await ask(api.gateway.url, FOLLOW_THE_MONEY, { id: 'MX-SLP-PAL-2017-03' });
    expect(data.commitment.title).toBeTruthy();
  });

  test('every example the explorer preloads runs within the default limits, with its own variables', async () => {
    const examples = readExamples(path.resolve(__dirname, '../../web/examples'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      const { status, errors } = await ask(api.gateway.url, example.query, example.variables ? JSON.parse(example.variables) : undefined);
      expect({ example: example.name, errors }).toEqual({ example: example.name, errors: undefined });
      expect(status).toBe(200);
    }
  });

  test('the three-level children query is refused as too costly before any subgraph reads a row, and the API answers on', async () => {
    let refused: Awaited<ReturnType<typeof ask>> | undefined;
    const statements = await api.statementsDuring(async () => {
      refused = await ask(api.gateway.url, THREE_LEVELS);
    });
    expect(refused).toEqual(expect.objectContaining({ status: 400, code: 'QUERY_TOO_COSTLY', data: undefined }));
    expect(refused!.errors![0].message).toMatch(/over the limit of 20000/);
    expect(statements).toEqual({ institutions: 0, commitments: 0, budgets: 0, archives: 0, participation: 0 });
    const next = await ask(api.gateway.url, '{ institution(id: "MX-RAMO-11") { name } }');
    expect(next.errors).toBeUndefined();
    expect(next.data.institution.name).toBeTruthy();
  });

  test('page sizes multiply: the same nested query passes with small pages and is refused with large ones', async () => {
    const small = await ask(api.gateway.url, nested(3), { n: 5 });
    expect(small.errors).toBeUndefined();
    expect(small.data.institution.children.edges.length).toBeGreaterThan(0);
    expect(await ask(api.gateway.url, nested(3), { n: 100 })).toEqual(expect.objectContaining({ status: 400, code: 'QUERY_TOO_COSTLY' }));
    // Without `first` a connection costs its default page of 20: three levels pass, and 20⁴ is too much.
    const unpaged = (levels: number) =>
      `{ institution(id: "MX-RAMO-11") { ${'children { edges { node { id '.repeat(levels)}${'} } }'.repeat(levels)} } }`;
    expect((await ask(api.gateway.url, unpaged(3))).errors).toBeUndefined();
    expect(await ask(api.gateway.url, unpaged(4))).toEqual(expect.objectContaining({ status: 400, code: 'QUERY_TOO_COSTLY' }));
  });

  test('a 3,000-alias query is refused by its size, and 31 aliases by their number', async () => {
    const statements = await api.statementsDuring(async () => {
      expect(await ask(api.gateway.url, aliases(3_000))).toEqual(expect.objectContaining({ status: 400, code: 'TOO_MANY_TOKENS' }));
    });
    expect(statements).toEqual({ institutions: 0, commitments: 0, budgets: 0, archives: 0, participation: 0 });
    expect(await ask(api.gateway.url, aliases(31))).toEqual(expect.objectContaining({ status: 400, code: 'TOO_MANY_ALIASES' }));
    expect((await ask(api.gateway.url, aliases(30))).errors).toBeUndefined();
  });

  test('depth and directives have their own codes', async () => {
    const deep = `{ institution(id: "MX-RAMO-11") { ${'parent { '.repeat(16)}id${' }'.repeat(16)} } }`;
    expect(await ask(api.gateway.url, deep)).toEqual(expect.objectContaining({ status: 400, code: 'QUERY_TOO_DEEP' }));
    const directives = `{ institution(id: "MX-RAMO-11") { ${Array.from({ length: 21 }, () => 'name @include(if: true)').join(' ')} } }`;
    expect(await ask(api.gateway.url, directives)).toEqual(expect.objectContaining({ status: 400, code: 'TOO_MANY_DIRECTIVES' }));
  });

  test('the limits are configurable', async () => {
    const strict = await gateway({ QUERY_MAX_COST: '3', QUERY_MAX_DEPTH: '3' });
    expect(await ask(strict.url, '{ institution(id: "MX-RAMO-11") { parent { parent { name } } } }')).toEqual(
      expect.objectContaining({ status: 400, code: 'QUERY_TOO_DEEP' }),
    );
    const four = `{ ${['a', 'b', 'c', 'd'].map((alias) => `${alias}: institution(id: "MX-RAMO-11") { name }`).join(' ')} }`;
    expect(await ask(strict.url, four)).toEqual(expect.objectContaining({ status: 400, code: 'QUERY_TOO_COSTLY' }));
    expect((await ask(strict.url, '{ institution(id: "MX-RAMO-11") { name } }')).errors).toBeUndefined();
  });
});

describe('persisted-operation safelist', () => {
  const operation = 'query Ramo($id: ID!) { institution(id: $id) { name } }';
  const hash = createHash('sha256').update(operation).digest('hex');
  const extensions = (sha256Hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });

  test('runs only the listed operations, by hash (also in a GET) or by their text', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-safelist-')), 'operations.json');
    fs.writeFileSync(file, JSON.stringify({ [hash]: operation }));
    const listed = await gateway({ PERSISTED_OPERATIONS_PATH: file });

    const search = new URLSearchParams({ variables: JSON.stringify({ id: 'MX-RAMO-11' }), extensions: extensions(hash) });
    const byGet = await fetch(`${listed.url}?${search}`);
    expect(byGet.status).toBe(200);
    expect(((await byGet.json()) as any).data.institution.name).toBeTruthy();

    const byPost = await fetch(listed.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables: { id: 'MX-RAMO-11' }, extensions: JSON.parse(extensions(hash)) }),
    });
    expect(((await byPost.json()) as any).data.institution.name).toBeTruthy();
    expect((await ask(listed.url, operation, { id: 'MX-RAMO-11' })).errors).toBeUndefined();

    expect(await ask(listed.url, '{ institution(id: "MX-RAMO-11") { name } }')).toEqual(
      expect.objectContaining({ status: 400, code: 'OPERATION_NOT_ALLOWED' }),
    );
    const unknown = await fetch(`${listed.url}?${new URLSearchParams({ extensions: extensions('0'.repeat(64)) })}`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  test('a safelist whose hashes do not match its operations stops the start', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-safelist-')), 'operations.json');
    fs.writeFileSync(file, JSON.stringify({ ['0'.repeat(64)]: operation }));
    await expect(gateway({ PERSISTED_OPERATIONS_PATH: file })).rejects.toThrow(/not "<sha256 of the operation>"/);
  });
});

describe('per-client rate limits', () => {
  test('in memory: over the budget a client gets 429 RATE_LIMITED with Retry-After', async () => {
    const limited = await gateway({ RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
    for (let i = 0; i < 3; i += 1) expect((await ask(limited.url, '{ __typename }')).status).toBe(200);
    const refused = await ask(limited.url, '{ __typename }');
    expect(refused).toEqual(expect.objectContaining({ status: 429, code: 'RATE_LIMITED' }));
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Probes are not rate-limited.
    expect((await fetch(limited.url.replace('/graphql', '/health'))).status).toBe(200);
  });
});

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/3';

describeWithRedis(REDIS_URL, 'the shared rate-limit test')('per-client rate limits shared through Redis', () => {
  const prefix = `ftm:test:${process.pid}:${Date.now()}:`;
  afterAll(async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true });
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  test('two gateway replicas share one budget per client', async () => {
    const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_REQUESTS: '4', RATE_LIMIT_WINDOW_SECONDS: '60' };
    const [first, second] = [await gateway(env), await gateway(env)];
    for (const replica of [first, second, first, second]) expect((await ask(replica.url, '{ __typename }')).status).toBe(200);
    for (const replica of [first, second]) {
      const refused = await ask(replica.url, '{ __typename }');
      expect(refused).toEqual(expect.objectContaining({ status: 429, code: 'RATE_LIMITED' }));
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    const redis = new Redis(REDIS_URL, { lazyConnect: true });
    await redis.connect();
    expect(await redis.keys(`${prefix}*`)).toHaveLength(1);
    await redis.quit();
  });
});
