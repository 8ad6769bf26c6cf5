import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UnsecuredJWT } from 'jose';
import { readConfig } from '../../subgraphs/kit/config';
import type { Claims } from '../../subgraphs/participation/auth/identity';
import { mintLocalToken } from '../../subgraphs/participation/auth/tokens';
import { Role, Sector } from '../../subgraphs/participation/entities/participation.enums';
import { describeWithRedis } from '../helpers/redis';
import { startFederation, type TestFederation } from '../helpers/federation';

const PROGRAM = '2018:33I005';
/** Personal data: whatever the test does, this text must never come back out. */
const CONTACT = 'contacto.privado.7731@example.org';

const REPORT = `mutation Report($input: ReportProblemInput!) {
  reportProblem(input: $input) { report { id field category status body target { type id } } }
}`;
const ANSWER = `mutation Answer($id: ID!, $status: ReportStatus!, $note: String!) {
  answerReport(id: $id, status: $status, note: $note) { report { id status answers { status note by { role } } } }
}`;
const FLAG = 'mutation Flag($id: ID!) { flagReport(id: $id, reason: SPAM) { report { id } } }';
const LISTED = `query Listed($id: ID!) {
  budgetProgram(id: $id) { key reports(first: 100) { totalCount edges { node { id field status body hidden } } } }
}`;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const listedIds = (answer: Answer): string[] => answer.body.data.budgetProgram.reports.edges.map((edge: any) => edge.node.id);

function reportInput(body: string, extra: Record<string, unknown> = {}) {
  return {
    input: {
      target: { type: 'BUDGET_PROGRAM', id: PROGRAM },
      field: 'totals.paid',
      category: 'WRONG_FIGURE',
      body,
      contact: CONTACT,
      ...extra,
    },
  };
}

describe('participation through the gateway', () => {
  const logged: string[] = [];
  let api: TestFederation;
  let url: string;
  let token: (claims: Claims, days?: number) => Promise<string>;
  beforeAll(async () => {
    api = await startFederation({
      // The cache is on, as in production: a write must still show at once. The gateway trusts the loopback proxy that
      // the tests play, so each test client can name its own address.
      gatewayEnv: { RESPONSE_CACHE: 'true', DATA_VERSION_POLL_MS: '3600000', TRUST_PROXY: 'loopback', LOG_LEVEL: 'info' },
      logDestination: { write: (line: string) => logged.push(line) },
    });
    url = api.gateway.url;
    const config = api.subgraphs.participation.config.participation;
    token = (claims, days = 1) => mintLocalToken(config, claims, days);
  }, 240_000);
  afterAll(async () => {
    await api?.stop();
  });

  let reportId: string;

  test('an anonymous report on a program field is listed under it at once, though its reports were cached', async () => {
    const before = await send(url, LISTED, { id: PROGRAM });
    expect(before.body.errors).toBeUndefined();
    expect((await send(url, LISTED, { id: PROGRAM })).headers.get('x-cache')).toBe('HIT');

    const written = await send(url, REPORT, reportInput('El monto pagado no coincide con la Cuenta Pública.'));
    expect(written.body.errors).toBeUndefined();
    expect(written.headers.get('x-cache')).toBeNull();
    const report = written.body.data.reportProblem.report;
    expect(report).toEqual(
      expect.objectContaining({ field: 'totals.paid', status: 'OPEN', target: { type: 'BUDGET_PROGRAM', id: PROGRAM } }),
    );
    reportId = report.id;

    const after = await send(url, LISTED, { id: PROGRAM });
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.body.data.budgetProgram.reports.totalCount).toBe(before.body.data.budgetProgram.reports.totalCount + 1);
    expect(listedIds(after)).toContain(reportId);
  });

  test('a secretariat member of another state cannot acknowledge it; a moderator can, and the listing shows it', async () => {
    const jalisco = await token({ sub: 'jal-gob-1', role: Role.SECRETARIAT_MEMBER, state: '14', sector: Sector.GOVERNMENT });
    const refused = await send(url, ANSWER, { id: reportId, status: 'ACKNOWLEDGED', note: 'Lo revisamos.' }, bearer(jalisco));
    expect(codeOf(refused)).toBe('FORBIDDEN');

    const moderator = await token({ sub: 'mod-1', role: Role.MODERATOR, name: 'Moderación' });
    const answered = await send(url, ANSWER, { id: reportId, status: 'ACKNOWLEDGED', note: 'Recibido; lo revisamos.' }, bearer(moderator));
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data.answerReport.report.status).toBe('ACKNOWLEDGED');
    const listed = await send(url, LISTED, { id: PROGRAM });
    expect(listed.body.data.budgetProgram.reports.edges.find((edge: any) => edge.node.id === reportId).node.status).toBe('ACKNOWLEDGED');
  });

  test('the same write sent twice with one Idempotency-Key creates one report', async () => {
    const before = (await send(url, LISTED, { id: PROGRAM })).body.data.budgetProgram.reports.totalCount;
    const key = { 'idempotency-key': 'e2e-retry-0001' };
    const first = await send(url, REPORT, reportInput('Falta el desglose por municipio.'), key);
    const again = await send(url, REPORT, reportInput('Falta el desglose por municipio.'), key);
    expect(first.body.errors).toBeUndefined();
    expect(again.body.data.reportProblem.report.id).toBe(first.body.data.reportProblem.report.id);
    expect((await send(url, LISTED, { id: PROGRAM })).body.data.budgetProgram.reports.totalCount).toBe(before + 1);
  });

  test('two identical writes sent together without a key are two reports (the gateway merges no writes)', async () => {
    const before = (await send(url, LISTED, { id: PROGRAM })).body.data.budgetProgram.reports.totalCount;
    const input = reportInput('Dos personas ven el mismo error al mismo tiempo.');
    const [a, b] = await Promise.all([send(url, REPORT, input), send(url, REPORT, input)]);
    expect(a.body.data.reportProblem.report.id).not.toBe(b.body.data.reportProblem.report.id);
    expect((await send(url, LISTED, { id: PROGRAM })).body.data.budgetProgram.reports.totalCount).toBe(before + 2);
  });

  test('three flags from three client addresses hide a report from the public; one address flagging again counts once', async () => {
    const written = await send(url, REPORT, reportInput('COMPRA SEGUIDORES AQUÍ'));
    const id = written.body.data.reportProblem.report.id;
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (const address of ['198.51.100.1', '198.51.100.1', '198.51.100.2']) {
      expect((await send(url, FLAG, { id }, from(address))).body.errors).toBeUndefined();
    }
    expect(listedIds(await send(url, LISTED, { id: PROGRAM }))).toContain(id);
    const third = await send(url, FLAG, { id }, from('198.51.100.3'));
    expect(third.body.errors).toBeUndefined();
    expect(third.body.data.flagReport.report).toBeNull();
    expect(listedIds(await send(url, LISTED, { id: PROGRAM }))).not.toContain(id);

    // A moderator sees it among the hidden ones; that answer, given to a token, is never served to anyone else.
    const HIDDEN = '{ reports(filter: { hidden: true }, first: 100) { edges { node { id hidden } } } }';
    const moderator = await token({ sub: 'mod-3', role: Role.MODERATOR });
    for (let i = 0; i < 2; i += 1) {
      const seen = await send(url, HIDDEN, {}, bearer(moderator));
      expect(seen.headers.get('x-cache')).toBeNull();
      expect(seen.body.data.reports.edges.map((edge: any) => edge.node.id)).toContain(id);
    }
    const anonymous = await send(url, HIDDEN);
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.text).not.toContain(`"id":"${id}"`);
  });

  test('forged, expired and alg:none tokens are refused with UNAUTHENTICATED', async () => {
    const claims = { sub: 'mod-2', role: Role.MODERATOR };
    const otherKeys = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-forger-'));
    try {
      // Signed with a key pair of the project's own making, but not the one the subgraph trusts.
      const forger = readConfig({ PARTICIPATION_KEY_DIR: otherKeys }).participation;
      const forged = await mintLocalToken(forger, claims, 1);
      const expired = await token(claims, -1);
      const config = api.subgraphs.participation.config.participation;
      const unsigned = new UnsecuredJWT({ role: Role.MODERATOR })
        .setSubject('mod-2')
        .setIssuer(config.issuer)
        .setAudience(config.audience)
        .setExpirationTime('1h')
        .encode();
      for (const refused of [forged, expired, unsigned]) {
        const answer = await send(url, ANSWER, { id: reportId, status: 'RESOLVED', note: 'x' }, bearer(refused));
        expect([refused.slice(0, 12), codeOf(answer)]).toEqual([refused.slice(0, 12), 'UNAUTHENTICATED']);
      }
    } finally {
      fs.rmSync(otherKeys, { recursive: true, force: true });
    }
  });

  test('a mutation on anything but participation, a subscription, a GET and an export are refused with a code', async () => {
    const other = await send(url, `mutation { budgetProgram(id: "${PROGRAM}") { key } }`);
    expect([other.status, codeOf(other)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const subscription = await send(url, 'subscription { dataVersion { id } }');
    expect(subscription.status).toBe(400);
    // Sent by GET, a write is refused, and its texts (a contact here) stay out of the logged URL (checked below).
    const byGet = `mutation { reportProblem(input: { target: { type: BUDGET_PROGRAM, id: "${PROGRAM}" }, category: OTHER, body: "x", contact: "${CONTACT}" }) { report { id } } }`;
    const get = await fetch(`${url}?query=${encodeURIComponent(byGet)}`);
    expect(get.status).toBe(405);
    const exported = await fetch(`${url.replace('/graphql', '/export.csv')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { flagReport(id: "${reportId}", reason: SPAM) { report { id } } }` }),
    });
    expect(exported.status).toBe(400);
    expect(((await exported.json()) as any).errors[0].extensions.code).toBe('BAD_EXPORT_REQUEST');
  });

  test('a body over the size limit is refused before it reaches the subgraph', async () => {
    const huge = await send(url, REPORT, reportInput('x'.repeat(1_100_000)));
    expect([huge.status, codeOf(huge)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  test('the contact appears in no answer, export row or log line', async () => {
    const answers = [
      await send(url, LISTED, { id: PROGRAM }),
      await send(url, '{ reports(first: 100) { edges { node { id body field status answers { note } } } } }'),
      await send(url, `query($id: ID!) { budgetProgram(id: $id) { reports(first: 100) { edges { node { id body target { id } } } } } }`, {
        id: PROGRAM,
      }),
    ];
    for (const answer of answers) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.text).not.toContain(CONTACT);
    }
    const csv = await fetch(`${url.replace('/graphql', '/export.csv')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ reports { edges { node { id body field category status createdAt target { type id } } } } }' }),
    });
    const rows = (await csv.text()).trim().split('\n');
    expect(csv.status).toBe(200);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.join('\n')).not.toContain(CONTACT);
    // Every line the gateway and the subgraphs logged while the contact went through them.
    expect(logged.length).toBeGreaterThan(10);
    expect(logged.filter((line) => line.includes(CONTACT) || line.includes(encodeURIComponent(CONTACT)))).toEqual([]);
    // Nor any token: the Authorization header is redacted from the request lines.
    expect(logged.filter((line) => /Bearer ey/.test(line))).toEqual([]);
  });

  test('/ready and /metrics know participation', async () => {
    const ready = (await (await fetch(url.replace('/graphql', '/ready'))).json()) as { checks: Record<string, string> };
    expect(ready.checks.participation).toBe('up');
    const metrics = await (await fetch(url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/ftm_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="participation"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/ftm_graphql_operations_total\{[^}]*operation_type="mutation"[^}]*\} [1-9]/);
  });

  test('the write budget refuses a flood with a code and Retry-After while reads still answer', async () => {
    const strict = await api.anotherGateway({
      WRITE_RATE_LIMIT_REQUESTS: '3',
      WRITE_RATE_LIMIT_WINDOW_SECONDS: '600',
      RATE_LIMIT_REQUESTS: '50',
    });
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await send(strict.url, FLAG, { id: reportId }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429, 429]);
    expect(codeOf(answers[3])).toBe('RATE_LIMITED');
    expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
    // Reads have their own budget, which the writes did not spend.
    const read = await send(strict.url, LISTED, { id: PROGRAM });
    expect(read.status).toBe(200);
    expect(Number(read.headers.get('ratelimit-remaining'))).toBe(49);
  });
});

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/15';

describeWithRedis(REDIS_URL, 'the write seen by two gateways sharing Redis')('participation and two gateways sharing Redis', () => {
  let api: TestFederation;
  beforeAll(async () => {
    api = await startFederation();
  }, 240_000);
  afterAll(async () => {
    await api?.stop();
  });

  test('a write through one gateway is shown at once by the other, though both cache in Redis', async () => {
    const shared = {
      RESPONSE_CACHE: 'true',
      REDIS_URL,
      REDIS_KEY_PREFIX: `ftm-e2e-participation-${process.pid}-${Date.now()}:`,
      DATA_VERSION_POLL_MS: '3600000',
    };
    const [a, b] = [await api.anotherGateway(shared), await api.anotherGateway(shared)];
    const before = await send(b.url, LISTED, { id: PROGRAM });
    expect((await send(a.url, LISTED, { id: PROGRAM })).headers.get('x-cache')).toBe('HIT');
    const written = await send(a.url, REPORT, reportInput('Visto desde la otra réplica.'));
    expect(written.body.errors).toBeUndefined();
    const after = await send(b.url, LISTED, { id: PROGRAM });
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.body.data.budgetProgram.reports.totalCount).toBe(before.body.data.budgetProgram.reports.totalCount + 1);
    expect(listedIds(after)).toContain(written.body.data.reportProblem.report.id);
  });
});
