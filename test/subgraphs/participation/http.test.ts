import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareSubgraph, type PreparedSubgraph, type ServedSubgraph, serveSubgraph } from '../../../subgraphs/kit/start-subgraph';
import { mintLocalToken } from '../../../subgraphs/participation/auth/tokens';
import { definition } from '../../../subgraphs/participation/definition';
import { Role } from '../../../subgraphs/participation/entities/participation.enums';
import { Report } from '../../../subgraphs/participation/entities/report.entity';
import { eraseClosedContacts } from '../../../subgraphs/participation/writes/erase-contacts';
import { dropDatabase, testConfig } from '../../helpers/subgraph';

const CONTACT = 'periodista.privada@example.org';

interface Served {
  prepared: PreparedSubgraph;
  served: ServedSubgraph;
  lines: string[];
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<any>;
  stop(): Promise<void>;
}

/** The participation subgraph over HTTP, as the gateway reaches it, with every log line it writes kept. */
async function serve(env: Record<string, string> = {}): Promise<Served> {
  const keyDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-participation-keys-'));
  const lines: string[] = [];
  const config = testConfig({ PARTICIPATION_KEY_DIR: keyDirectory, LOG_LEVEL: 'debug', REQUEST_LOG_LEVEL: 'info', ...env });
  const prepared = await prepareSubgraph(definition, config, { write: (line: string) => lines.push(line) });
  const served = await serveSubgraph(prepared, 0);
  return {
    prepared,
    served,
    lines,
    async post(query, variables, headers = {}) {
      const response = await fetch(served.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async stop() {
      await served.stop();
      await prepared.close();
      await dropDatabase(config, 'participation');
      fs.rmSync(keyDirectory, { recursive: true, force: true });
    },
  };
}

const REPORT = `mutation($input: ReportProblemInput!) { reportProblem(input: $input) { report { id body } } }`;
const input = (extra: Record<string, unknown> = {}) => ({
  target: { type: 'BUDGET_PROGRAM', id: '2018:33I005' },
  field: 'totals.paid',
  category: 'WRONG_FIGURE',
  body: 'Cifra distinta',
  contact: CONTACT,
  ...extra,
});

describe('participation over HTTP', () => {
  let api: Served;
  beforeAll(async () => {
    api = await serve();
  });
  afterAll(() => api.stop());

  it('the contact appears in no answer, audit entry or log line, and no field can ask for it', async () => {
    const sent = await api.post(REPORT, { input: input() }, { 'idempotency-key': 'k-1' });
    const { id } = sent.data.reportProblem.report;
    const refused = await api.post(REPORT, { input: input({ body: 'x'.repeat(5_000) }) });
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const asked = await api.post(`{ report(id: "${id}") { id contact } }`);
    expect(asked.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const moderator = await mintLocalToken(api.prepared.config.participation, { sub: 'mod', role: Role.MODERATOR }, 1);
    const authorization = { authorization: `Bearer ${moderator}` };
    const answers = [
      sent,
      refused,
      asked,
      await api.post(`{ report(id: "${id}") { id body field target { id } answers { note } } reports { edges { node { id body } } } }`),
      await api.post(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { id body } ... on BudgetProgram { reports { edges { node { id body } } } } } }',
        {
          r: [
            { __typename: 'Report', id },
            { __typename: 'BudgetProgram', id: '2018:33I005' },
          ],
        },
      ),
      await api.post(
        `mutation { answerReport(id: "${id}", status: RESOLVED, note: "Corregido") { report { id status } } }`,
        {},
        authorization,
      ),
      await api.post('{ auditLog { edges { node { changes } } } reports(filter: { hidden: true }) { totalCount } }', {}, authorization),
      await api.post('{ __type(name: "Report") { fields { name } } }'),
    ];
    const fields = answers[answers.length - 1].data.__type.fields.map((field: { name: string }) => field.name);
    expect(fields).not.toContain('contact');
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(CONTACT);
    expect(api.lines.length).toBeGreaterThanOrEqual(answers.length);
    for (const line of api.lines) expect(line).not.toContain(CONTACT);
    expect(await api.prepared.dataSource.getRepository(Report).findOneByOrFail({ key: Number(id) })).toMatchObject({ contact: CONTACT });
  });

  it('behind a loopback proxy each forwarded client flags once: three clients hide the report', async () => {
    const { id } = (await api.post(REPORT, { input: input({ body: 'spam' }) })).data.reportProblem.report;
    const flag = (client: string) =>
      api.post(`mutation { flagReport(id: "${id}", reason: SPAM) { report { id } } }`, {}, { 'x-forwarded-for': client });
    expect((await flag('198.51.100.7')).data.flagReport.report).toEqual({ id });
    expect((await flag('198.51.100.7')).data.flagReport.report).toEqual({ id });
    expect((await flag('198.51.100.8')).data.flagReport.report).toEqual({ id });
    expect((await flag('198.51.100.9')).data.flagReport.report).toBeNull();
  });
});

describe('participation with PARTICIPATION_TRUST_PROXY=false', () => {
  it('ignores X-Forwarded-For: a client cannot pick a new identity per flag', async () => {
    const api = await serve({ PARTICIPATION_TRUST_PROXY: 'false' });
    try {
      const { id } = (await api.post(REPORT, { input: input() })).data.reportProblem.report;
      for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
        const flagged = await api.post(
          `mutation { flagReport(id: "${id}", reason: SPAM) { report { id } } }`,
          {},
          { 'x-forwarded-for': client },
        );
        expect(flagged.data.flagReport.report).toEqual({ id });
      }
      expect(await api.prepared.dataSource.getRepository(Report).findOneByOrFail({ key: Number(id) })).toMatchObject({
        flagCount: 1,
        hidden: false,
      });
    } finally {
      await api.stop();
    }
  });
});

describe('npm run participation:erase-contacts', () => {
  it('erases the contacts of reports closed more than the retention ago, and only those', async () => {
    const api = await serve({ PARTICIPATION_CONTACT_RETENTION_DAYS: '30' });
    try {
      const moderator = await mintLocalToken(api.prepared.config.participation, { sub: 'mod', role: Role.MODERATOR }, 1);
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) ids.push((await api.post(REPORT, { input: input({ body: `r${i}` }) })).data.reportProblem.report.id);
      const answer = (id: string, status: string) =>
        api.post(
          `mutation { answerReport(id: "${id}", status: ${status}, note: "n") { report { id } } }`,
          {},
          { authorization: `Bearer ${moderator}` },
        );
      await answer(ids[0], 'REJECTED');
      await answer(ids[1], 'ACKNOWLEDGED');
      const repository = api.prepared.dataSource.getRepository(Report);
      const contactOf = async (id: string) => (await repository.findOneByOrFail({ key: Number(id) })).contact;
      const days = api.prepared.config.participation.contactRetentionDays;
      expect(await eraseClosedContacts(api.prepared.dataSource, days, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
      expect(await contactOf(ids[0])).toBe(CONTACT);
      expect(await eraseClosedContacts(api.prepared.dataSource, days, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
      expect([await contactOf(ids[0]), await contactOf(ids[1]), await contactOf(ids[2])]).toEqual([null, CONTACT, CONTACT]);
      expect(await eraseClosedContacts(api.prepared.dataSource, days, new Date(Date.now() + 31 * 86_400_000))).toBe(0);
    } finally {
      await api.stop();
    }
  });
});
