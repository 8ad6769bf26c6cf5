import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { main as importCli } from '../../tools/import/cli';
import { FOLLOW_THE_MONEY } from '../../tools/bench/follow-the-money.query';
import { describeWithRedis } from '../helpers/redis';
import { startFederation, type TestFederation } from '../helpers/federation';
import type { SubgraphConfig } from '../../subgraphs/kit/config';

const FORTAMUN = `{ budgetProgram(id: "2018:33I005") { totals { approved } } }`;
const STATES = '{ states(first: 3) { edges { node { id name } } } }';

async function ask(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    cache: response.headers.get('x-cache'),
    etag: response.headers.get('etag'),
    status: response.status,
    body: (await response.json()) as any,
  };
}

/** The CLI's environment for the database a federation's subgraph runs on, as an operator importing into it would set. */
function cliEnv(config: SubgraphConfig): Record<string, string | undefined> {
  const { database } = config;
  const where =
    database.kind === 'sqlite'
      ? { SQLITE_DIR: database.directory }
      : { DATABASE_URL: database.url, DATABASE_SCHEMA_PREFIX: database.schemaPrefix };
  return { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...where };
}

/** The shipped 2018 PEF sample with FORTAMUN's first line approved 100.00 pesos higher: a corrected file. */
function correctedSample(): string {
  const original = fs.readFileSync(path.resolve(__dirname, '../../data/shcp-pef/2018.sample.csv'), 'utf8');
  const lines = original.split('\n');
  const header = lines[0].replace(/^\uFEFF/, '').split(',');
  const [ramo, modality, program, approved] = ['id_ramo', 'id_modalidad', 'id_pp', 'monto_aprobado'].map((name) => header.indexOf(name));
  const index = lines.findIndex((line, i) => {
    const cells = line.split(',');
    return i > 0 && Number(cells[ramo]) === 33 && cells[modality] === 'I' && Number(cells[program]) === 5;
  });
  const cells = lines[index].split(',');
  const [units, cents = '00'] = cells[approved].split('.');
  cells[approved] = `${BigInt(units) + 100n}.${cents}`;
  lines[index] = cells.join(',');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-corrected-'));
  fs.writeFileSync(path.join(folder, '2018.sample.csv'), lines.join('\n'));
  return path.join(folder, '2018.sample.csv');
}

describe('the response cache', () => {
  let api: TestFederation;
  beforeAll(async () => {
    // No version poll during these tests: a poll is a statement in every subgraph, which the first test counts.
    api = await startFederation({ gatewayEnv: { RESPONSE_CACHE: 'true', DATA_VERSION_POLL_MS: '3600000' } });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  test('the same question is answered from the cache, without any subgraph', async () => {
    const first = await ask(api.gateway.url, FOLLOW_THE_MONEY, { id: 'MX-TLA-PAL-2016-03' });
    expect(first.cache).toBe('MISS');
    let second: Awaited<ReturnType<typeof ask>> | undefined;
    const statements = await api.statementsDuring(async () => {
      second = await ask(api.gateway.url, FOLLOW_THE_MONEY, { id: 'MX-TLA-PAL-2016-03' });
    });
    expect(second!.cache).toBe('HIT');
    expect(second!.body).toEqual(first.body);
    expect(statements).toEqual({ institutions: 0, commitments: 0, budgets: 0, archives: 0, participation: 0 });
    // Other variables are another question.
    expect((await ask(api.gateway.url, FOLLOW_THE_MONEY, { id: 'MX-SLP-PAL-2017-03' })).cache).toBe('MISS');
  });

  test('an answer with errors is not kept', async () => {
    const failing = '{ budgetProgram(id: "2018:33I005") { totals(inPesosOf: 1900) { approved } } }';
    expect((await ask(api.gateway.url, failing)).body.errors).toBeDefined();
    expect((await ask(api.gateway.url, failing)).cache).toBe('MISS');
  });

  test('a GET carries an ETag, and If-None-Match gets 304 while nothing changed', async () => {
    const url = `${api.gateway.url}?query=${encodeURIComponent(STATES)}`;
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    // Through node:http: fetch() adds `Cache-Control: no-cache` to a request with If-None-Match, which forbids a 304.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http.get(url, { headers: { 'if-none-match': etag! } }, (response) => resolve(response.resume().statusCode)).on('error', reject);
    });
    expect(status).toBe(304);
  });
});

describe('the response cache after an import', () => {
  let api: TestFederation;
  beforeAll(async () => {
    api = await startFederation({ gatewayEnv: { RESPONSE_CACHE: 'true', DATA_VERSION_POLL_MS: '200' } });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  test('an import into budgets changes the answers that touched budgets, and leaves the others cached', async () => {
    const before = await ask(api.gateway.url, FORTAMUN);
    await ask(api.gateway.url, STATES);
    expect((await ask(api.gateway.url, FORTAMUN)).cache).toBe('HIT');
    expect((await ask(api.gateway.url, STATES)).cache).toBe('HIT');

    const silent = { write: () => true };
    const code = await importCli(['shcp-budget', correctedSample()], {
      stdout: silent,
      stderr: silent,
      env: cliEnv(api.subgraphs.budgets.config),
      cwd: os.tmpdir(),
    });
    expect(code).toBe(0);

    // Without Redis the gateway learns the new version at its next poll (200 ms here).
    let after = before;
    for (
      let tries = 0;
      tries < 50 && after.body.data.budgetProgram.totals.approved === before.body.data.budgetProgram.totals.approved;
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await ask(api.gateway.url, FORTAMUN);
    }
    const delta =
      BigInt(after.body.data.budgetProgram.totals.approved.replace('.', '')) -
      BigInt(before.body.data.budgetProgram.totals.approved.replace('.', ''));
    expect(delta).toBe(10000n);
    expect((await ask(api.gateway.url, STATES)).cache).toBe('HIT');
  }, 60_000);
});

describe('identical requests in flight (cache off)', () => {
  const counts = new Map<string, number>();
  const proxies: http.Server[] = [];
  let api: TestFederation;
  beforeAll(async () => {
    // Each subgraph behind a proxy that counts requests and holds each one for a moment, so that ten client requests
    // sent at once are surely in flight together when the gateway fetches.
    api = await startFederation({
      route: async (name, target) => {
        const proxy = http.createServer(async (req, res) => {
          counts.set(name, (counts.get(name) ?? 0) + 1);
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          await new Promise((resolve) => setTimeout(resolve, 1000));
          const answer = await fetch(target, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: Buffer.concat(chunks),
          });
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
        });
        await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
        proxies.push(proxy);
        return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
      },
    });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    for (const proxy of proxies) proxy.close();
  });

  test('ten concurrent identical queries cost the subgraph requests of one', async () => {
    counts.clear();
    const one = await ask(api.gateway.url, FOLLOW_THE_MONEY, { id: 'MX-SLP-PAL-2017-03' });
    const single = new Map(counts);
    counts.clear();
    const ten = await Promise.all(Array.from({ length: 10 }, () => ask(api.gateway.url, FOLLOW_THE_MONEY, { id: 'MX-SLP-PAL-2017-03' })));
    expect(ten.every((answer) => JSON.stringify(answer.body) === JSON.stringify(one.body))).toBe(true);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(single));
  }, 120_000);
});

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/4';

describeWithRedis(REDIS_URL, 'the shared response cache test')('two gateways sharing Redis', () => {
  let api: TestFederation;
  const env = { RESPONSE_CACHE: 'true', REDIS_URL, REDIS_KEY_PREFIX: `ftm:test:${process.pid}:${Date.now()}:` };
  beforeAll(async () => {
    api = await startFederation();
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  test("one gateway's answer is served by the other from the shared cache", async () => {
    const one = await api.anotherGateway(env);
    const two = await api.anotherGateway(env);
    expect((await ask(one.url, FORTAMUN)).cache).toBe('MISS');
    const shared = await ask(two.url, FORTAMUN);
    expect(shared.cache).toBe('HIT');
    expect(shared.body.data.budgetProgram.totals.approved).toBeDefined();
  });
});
