import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '../../common/config/subgraphs';
import { FOLLOW_THE_MONEY } from '../../tools/bench/follow-the-money.query';
import { HostClient, type GraphQLAnswer } from './client';
import { buildNetwork, type Host, removeAll, setReachable } from './network';
import { createDatabase, DELAY_MS, type HostProcess, startDelayProxy, startIn, startPostgres, startRedis } from './services';

/**
 * A deployment across hosts (network namespaces on one switch, 20 ms apart): PostgreSQL and Redis on their own hosts,
 * the subgraphs on two (budgets alone on the second, the one cut off), two gateways, and the client. docs/deployment.md
 * describes it as the reference deployment; `npm run test:hosts` runs it (root and iproute2 needed).
 */
const ADDRESSES = {
  db: '10.231.0.10',
  redis: '10.231.0.11',
  sg1: '10.231.0.21',
  sg2: '10.231.0.22',
  gw1: '10.231.0.31',
  gw2: '10.231.0.32',
  client: '10.231.0.40',
};
/** The subgraph whose host is cut off; every other one (the project's list, SUBGRAPH_NAMES) runs on sg1. */
const ISOLATED: SubgraphName = 'budgets';
const GATEWAY_PORT = 4000;
const POSTGRES_PORT = 5432;
const REDIS_PORT = 6379;
/** Where a service listens on its host's loopback, behind the delay proxy that offers it at its public port. */
const internal = (port: number) => port + 10_000;
const SUBGRAPH_TIMEOUT_MS = 3_000;
const RATE_LIMIT_REQUESTS = 10;
/** Requests one client sends to each gateway in the rate-limit checks: more than half the budget, less than all of it. */
const PER_GATEWAY = 8;
const REDIS_URL = `redis://${ADDRESSES.redis}:${REDIS_PORT}/0`;
const START_DEADLINE_MS = 240_000;
/** A request's deadline: well past the subgraph timeout, so a late answer fails as late rather than hanging. */
const REQUEST_DEADLINE_MS = SUBGRAPH_TIMEOUT_MS * 4;
/** Every process's output, kept after the run (the next run starts it afresh). */
const LOGS = path.resolve(__dirname, '..', '..', '.data', 'hosts-logs');

/** The gateways' settings beyond the defaults (docs/deployment.md lists them). */
function gatewayEnv(): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    GATEWAY_PORT: String(internal(GATEWAY_PORT)),
    REDIS_URL,
    // The client host stands for the load balancer that names the client in X-Forwarded-For; the host's delay
    // proxy, on loopback, passes the header on untouched.
    TRUST_PROXY: `loopback, ${ADDRESSES.client}`,
    RATE_LIMIT_REQUESTS: String(RATE_LIMIT_REQUESTS),
    RATE_LIMIT_WINDOW_SECONDS: '600',
    SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
    DATA_VERSION_POLL_MS: '1000',
  };
  for (const name of SUBGRAPH_NAMES) env[`${name.toUpperCase()}_URL`] = `${subgraphOrigin(name)}/graphql`;
  return env;
}

function subgraphHost(name: SubgraphName): 'sg1' | 'sg2' {
  return name === ISOLATED ? 'sg2' : 'sg1';
}

function subgraphOrigin(name: SubgraphName): string {
  return `http://${ADDRESSES[subgraphHost(name)]}:${DEFAULT_PORTS[name]}`;
}

const gatewayUrl = (host: 'gw1' | 'gw2') => `http://${ADDRESSES[host]}:${GATEWAY_PORT}/graphql`;

let hosts: Record<keyof typeof ADDRESSES, Host>;
let workDirectory: string;
let client: HostClient;
const processes: HostProcess[] = [];
const gateways: Partial<Record<'gw1' | 'gw2', HostProcess>> = {};
/** Each request names a client of its own (X-Forwarded-For), so only the rate-limit checks share a budget. */
let clientNumber = 0;

function newClientAddress(): string {
  clientNumber += 1;
  return `198.18.${Math.floor(clientNumber / 250)}.${(clientNumber % 250) + 1}`;
}

function query(gateway: 'gw1' | 'gw2', text: string, variables: Record<string, unknown> = {}, clientAddress = newClientAddress()) {
  return client.graphql(gatewayUrl(gateway), text, variables, {
    headers: { 'x-forwarded-for': clientAddress },
    timeoutMs: REQUEST_DEADLINE_MS,
  });
}

async function waitFor(what: string, deadlineMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what} within ${deadlineMs / 1000} s (logs: ${LOGS})`);
}

const answersReady = (url: string) => async () => (await client.request(url, { method: 'GET', timeoutMs: 5_000 })).status === 200;

function startGatewayOn(host: 'gw1' | 'gw2'): HostProcess {
  const gateway = startIn(hosts[host], host, LOGS, [process.execPath, 'dist/gateway/index.js'], gatewayEnv());
  gateways[host] = gateway;
  processes.push(gateway);
  return gateway;
}

beforeAll(async () => {
  workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-hosts-'));
  fs.chmodSync(workDirectory, 0o755);
  const logs = LOGS;
  fs.rmSync(logs, { recursive: true, force: true });
  fs.mkdirSync(logs, { recursive: true });
  hosts = buildNetwork(ADDRESSES);
  client = new HostClient(hosts.client);

  // Every service is offered on its host's address through a proxy that adds DELAY_MS each way.
  const delayed = (host: keyof typeof ADDRESSES, ports: number[]) =>
    processes.push(
      startDelayProxy(
        hosts[host],
        host,
        logs,
        ports.map((port) => [port, internal(port)]),
      ),
    );
  delayed('db', [POSTGRES_PORT]);
  delayed('redis', [REDIS_PORT]);
  for (const host of ['sg1', 'sg2'] as const)
    delayed(
      host,
      SUBGRAPH_NAMES.filter((name) => subgraphHost(name) === host).map((name) => DEFAULT_PORTS[name]),
    );
  delayed('gw1', [GATEWAY_PORT]);
  delayed('gw2', [GATEWAY_PORT]);

  const postgresDirectory = path.join(workDirectory, 'postgres');
  processes.push(startPostgres(hosts.db, internal(POSTGRES_PORT), postgresDirectory, logs));
  processes.push(startRedis(hosts.redis, internal(REDIS_PORT), path.join(workDirectory, 'redis'), logs));
  await waitFor('PostgreSQL did not start', 30_000, async () => {
    execFileSync('ip', ['netns', 'exec', hosts.client.namespace, 'pg_isready', '-q', '-h', ADDRESSES.db, '-p', String(POSTGRES_PORT)], {
      stdio: 'ignore',
    });
    return true;
  });
  createDatabase(hosts.db, internal(POSTGRES_PORT), postgresDirectory, 'ftm');

  // Each subgraph migrates its schema and loads the shipped sample into it on first start, as in production.
  for (const name of SUBGRAPH_NAMES) {
    processes.push(
      startIn(hosts[subgraphHost(name)], name, logs, [process.execPath, `dist/subgraphs/${name}/index.js`], {
        NODE_ENV: 'production',
        DATABASE_URL: `postgres://postgres@${ADDRESSES.db}:${POSTGRES_PORT}/ftm`,
        REDIS_URL,
        [`${name.toUpperCase()}_PORT`]: String(internal(DEFAULT_PORTS[name])),
        // Only the gateways may name the client of a write (the participation subgraph's setting); here they
        // arrive through the host's delay proxy, on loopback.
        PARTICIPATION_TRUST_PROXY: 'loopback',
        PARTICIPATION_KEY_DIR: path.join(workDirectory, 'keys'),
      }),
    );
  }
  await Promise.all(
    SUBGRAPH_NAMES.map((name) =>
      waitFor(`The ${name} subgraph was not ready`, START_DEADLINE_MS, answersReady(`${subgraphOrigin(name)}/ready`)),
    ),
  );
  startGatewayOn('gw1');
  startGatewayOn('gw2');
  await Promise.all(
    (['gw1', 'gw2'] as const).map((gateway) =>
      waitFor(`The gateway on ${gateway} was not ready`, 60_000, answersReady(`http://${ADDRESSES[gateway]}:${GATEWAY_PORT}/ready`)),
    ),
  );
}, START_DEADLINE_MS + 120_000);

afterAll(async () => {
  client?.close();
  // Gateways first, then the subgraphs, then the stores they use and the proxies.
  const stopAll = (which: (name: string) => boolean) => Promise.all(processes.filter((p) => which(p.name)).map((p) => p.stop()));
  await stopAll((name) => name === 'gw1' || name === 'gw2');
  await stopAll((name) => (SUBGRAPH_NAMES as readonly string[]).includes(name));
  await stopAll(() => true);
  removeAll();
  if (workDirectory) fs.rmSync(workDirectory, { recursive: true, force: true });
}, 60_000);

/** The Follow-the-Money answer as every subgraph gives it (the sample's FORTAMUN 2018 totals, exact). */
function expectFullAnswer(answer: GraphQLAnswer) {
  expect(answer.status).toBe(200);
  expect(answer.errors).toBeUndefined();
  const commitment = answer.data!.commitment;
  expect(commitment.title).toMatch(/FORTAMUN/);
  expect(commitment.actionPlan.state.name).toBe('Tlaxcala');
  expect(commitment.responsibleInstitution).toEqual(expect.objectContaining({ kind: 'EXECUTIVE', order: 'STATE' }));
  const fortamun = commitment.allocations.find((allocation: any) => allocation.program?.key === '33I005');
  expect(fortamun.program.totals).toEqual({ approved: '1369724738.00', paid: '342431184.00' });
  expect(commitment.records.length).toBeGreaterThan(0);
}

const TLAXCALA = { id: 'MX-TLA-PAL-2016-03' };

/** Participation's writes: checked once the supergraph has them (the fifth subgraph), skipped before. */
const HAS_WRITES = fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8').includes('reportProblem(');
const REPORT_PROBLEM = `mutation ReportProblem($input: ReportProblemInput!) { reportProblem(input: $input) { report { id } } }`;
const REPORTS_OF = `query ReportsOf($id: ID!) { commitment(id: $id) { reports(first: 100) { edges { node { id body } } } } }`;
/** The same query under another name: another cache key, so the gateway asks the subgraphs again. */
const renamed = (name: string) => FOLLOW_THE_MONEY.replace('query FollowTheMoney', `query ${name}`);

describe(`two gateways, the subgraphs on two hosts, PostgreSQL and Redis on their own, ${DELAY_MS} ms apart`, () => {
  test('the Follow-the-Money answer is whole through both gateways, and one cached by either is a hit on the other', async () => {
    const first = await query('gw1', FOLLOW_THE_MONEY, TLAXCALA);
    expectFullAnswer(first);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await query('gw2', FOLLOW_THE_MONEY, TLAXCALA);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(JSON.parse(second.body)).toEqual(JSON.parse(first.body));

    // The other way round, so each gateway has computed the answer itself once.
    const own = await query('gw2', renamed('FollowTheMoneyOnTwo'), TLAXCALA);
    expectFullAnswer(own);
    expect(own.headers['x-cache']).toBe('MISS');
    expect(own.data).toEqual(first.data);
    expect((await query('gw1', renamed('FollowTheMoneyOnTwo'), TLAXCALA)).headers['x-cache']).toBe('HIT');
  });

  test('one client has one request budget across both gateways', async () => {
    const address = newClientAddress();
    const statuses: number[] = [];
    for (const gateway of ['gw1', 'gw2'] as const) {
      for (let i = 0; i < PER_GATEWAY; i += 1) statuses.push((await query(gateway, '{ __typename }', {}, address)).status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(RATE_LIMIT_REQUESTS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2 * PER_GATEWAY - RATE_LIMIT_REQUESTS);
    // Refused only once the budget is spent: gw2 refuses early because gw1's requests counted too.
    expect(statuses.indexOf(429)).toBe(RATE_LIMIT_REQUESTS);
  });

  test(`with ${ISOLATED}'s host unreachable, answers come within the subgraph timeout with only its fields null, and whole again once it is back`, async () => {
    setReachable(hosts.sg2, false);
    try {
      for (const gateway of ['gw1', 'gw2'] as const) {
        const partial = await query(gateway, renamed(`FollowTheMoneyWithout_${gateway}`), TLAXCALA);
        expect(partial.status).toBe(200);
        const commitment = partial.data!.commitment;
        expect(commitment.title).toMatch(/FORTAMUN/);
        expect(commitment.actionPlan.state.name).toBe('Tlaxcala');
        expect(commitment.records.length).toBeGreaterThan(0);
        expect(commitment).toEqual(expect.objectContaining({ funding: null, allocations: null, contracts: null }));
        expect(partial.errors!.length).toBeGreaterThan(0);
        for (const error of partial.errors!) {
          expect(error.extensions).toEqual({ code: expect.stringMatching(/^SUBGRAPH_(TIMEOUT|UNAVAILABLE)$/), serviceName: ISOLATED });
        }
      }
    } finally {
      setReachable(hosts.sg2, true);
    }
    // Answers with errors were not cached: once the host is back, each gateway asks it again.
    for (const gateway of ['gw1', 'gw2'] as const) {
      let last: GraphQLAnswer | undefined;
      await waitFor(`${gateway} did not answer whole again`, 30_000, async () => {
        last = await query(gateway, renamed(`FollowTheMoneyWithout_${gateway}`), TLAXCALA);
        return last.errors === undefined;
      });
      expectFullAnswer(last!);
    }
  });
  test('with Redis cut off, reads keep working uncached and each gateway counts the rate limit in its own memory; shared again once it is back', async () => {
    setReachable(hosts.redis, false);
    try {
      // The same query through both: with Redis reachable the second would be a hit.
      for (const gateway of ['gw1', 'gw2'] as const) {
        const answer = await query(gateway, renamed('FollowTheMoneyWithoutRedis'), TLAXCALA);
        expectFullAnswer(answer);
        expect(answer.headers['x-cache']).toBe('MISS');
      }
      // Each replica counts apart: both send more than half the budget and pass; gw1 refuses once its own count is over.
      const address = newClientAddress();
      const statuses: Record<'gw1' | 'gw2', number[]> = { gw1: [], gw2: [] };
      for (const gateway of ['gw1', 'gw2'] as const) {
        for (let i = 0; i < PER_GATEWAY; i += 1) statuses[gateway].push((await query(gateway, '{ __typename }', {}, address)).status);
      }
      for (let i = PER_GATEWAY; i <= RATE_LIMIT_REQUESTS; i += 1)
        statuses.gw1.push((await query('gw1', '{ __typename }', {}, address)).status);
      expect(statuses.gw2).toEqual(Array(PER_GATEWAY).fill(200));
      expect(statuses.gw1).toEqual([...Array(RATE_LIMIT_REQUESTS).fill(200), 429]);
    } finally {
      setReachable(hosts.redis, true);
    }
    // Back: an answer one gateway caches is a hit on the other again.
    let round = 0;
    await waitFor('The shared cache did not come back', 30_000, async () => {
      round += 1;
      const text = renamed(`FollowTheMoneyRedisBack${round}`);
      expectFullAnswer(await query('gw1', text, TLAXCALA));
      return (await query('gw2', text, TLAXCALA)).headers['x-cache'] === 'HIT';
    });
  });
  (HAS_WRITES ? test : test.skip)(
    'no report is lost or doubled when a gateway dies and the client retries its Idempotency-Key on the other',
    async () => {
      const address = newClientAddress();
      const write = (gateway: 'gw1' | 'gw2', key: string, body: string) =>
        client.graphql(
          gatewayUrl(gateway),
          REPORT_PROBLEM,
          { input: { target: { type: 'COMMITMENT', id: TLAXCALA.id }, category: 'WRONG_FIGURE', body } },
          { headers: { 'x-forwarded-for': address, 'idempotency-key': key }, timeoutMs: REQUEST_DEADLINE_MS },
        );
      const idOf = (answer: GraphQLAnswer) => {
        expect(answer.errors).toBeUndefined();
        return answer.data!.reportProblem.report.id as string;
      };
      const run = `${process.pid}-${Date.now()}`;
      const answered = { key: `hosts-answered-${run}`, body: `Prueba entre hosts ${run}: escrita, la respuesta se perdió.` };
      const unsent = { key: `hosts-unsent-${run}`, body: `Prueba entre hosts ${run}: el gateway murió antes de enviarla.` };

      // Written, then gw1 dies before the client could use the answer: the retry on gw2 must not write it again.
      const firstId = idOf(await write('gw1', answered.key, answered.body));
      await gateways.gw1!.stop(0);
      expect(idOf(await write('gw2', answered.key, answered.body))).toBe(firstId);
      // Sent to the dead gw1, so never written: the retry on gw2 must write it.
      await expect(write('gw1', unsent.key, unsent.body)).rejects.toThrow();
      const unsentId = idOf(await write('gw2', unsent.key, unsent.body));
      expect(idOf(await write('gw2', unsent.key, unsent.body))).toBe(unsentId);

      startGatewayOn('gw1');
      await waitFor('The restarted gateway on gw1 was not ready', 60_000, answersReady(`http://${ADDRESSES.gw1}:${GATEWAY_PORT}/ready`));
      expect(idOf(await write('gw1', answered.key, answered.body))).toBe(firstId);
      expect(idOf(await write('gw1', unsent.key, unsent.body))).toBe(unsentId);
      // One report each, whichever gateway is asked.
      for (const gateway of ['gw1', 'gw2'] as const) {
        const reports: { id: string; body: string }[] = (await query(gateway, REPORTS_OF, TLAXCALA)).data!.commitment.reports.edges.map(
          (edge: { node: { id: string; body: string } }) => edge.node,
        );
        expect(reports.filter((report) => report.body === answered.body).map((report) => report.id)).toEqual([firstId]);
        expect(reports.filter((report) => report.body === unsent.body).map((report) => report.id)).toEqual([unsentId]);
      }
    },
  );
});
