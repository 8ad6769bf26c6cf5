import { Role, Sector } from '../../../subgraphs/participation/entities/participation.enums';
import { Report } from '../../../subgraphs/participation/entities/report.entity';
import { ANSWER, bearer, codeOf, entities, FLAG, openParticipation, type Participation, REPORT_PROBLEM } from './participation';

const PROGRAM = '2018:33I005';
const problem = (extra: Record<string, unknown> = {}) => ({
  target: { type: 'BUDGET_PROGRAM', id: PROGRAM },
  field: 'totals.paid',
  category: 'WRONG_FIGURE',
  body: 'El monto pagado no coincide con la Cuenta Pública',
  ...extra,
});

describe('participation: reports', () => {
  let participation: Participation;
  let moderator: string;
  let tlaxcala: string;
  let jalisco: string;

  beforeAll(async () => {
    participation = await openParticipation();
    moderator = await participation.token({ sub: 'mod-1', role: Role.MODERATOR });
    tlaxcala = await participation.token({ sub: 'tla-1', role: Role.SECRETARIAT_MEMBER, state: '29', sector: Sector.GUARANTOR_BODY });
    jalisco = await participation.token({ sub: 'jal-1', role: Role.SECRETARIAT_MEMBER, state: '14', sector: Sector.GOVERNMENT });
  });
  afterAll(() => participation.close());

  const reportsOf = async (typename: string, id: string) =>
    (
      await participation.data(entities(typename, 'reports { totalCount edges { node { id body status } } }'), {
        representations: [{ __typename: typename, id }],
      })
    )._entities[0].reports;

  it('an anonymous report on a program field is listed under that program at once', async () => {
    const sent = await participation.send(REPORT_PROBLEM, { input: problem() });
    expect(sent.errors).toBeUndefined();
    const report = sent.data!.reportProblem.report;
    expect(report).toMatchObject({
      field: 'totals.paid',
      category: 'WRONG_FIGURE',
      status: 'OPEN',
      hidden: false,
      target: { type: 'BUDGET_PROGRAM', id: PROGRAM },
    });
    const listed = await reportsOf('BudgetProgram', PROGRAM);
    expect(listed.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(report.id);
    const root = await participation.data('{ reports(filter: { targetType: BUDGET_PROGRAM }) { totalCount edges { node { id } } } }');
    expect(root.reports.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(report.id);
  });

  it('a member of another state cannot answer a federal program report; a moderator can, with valid transitions only', async () => {
    const { id } = (await participation.data(REPORT_PROBLEM, { input: problem() })).reportProblem.report;
    expect(codeOf(await participation.send(ANSWER, { id, status: 'ACKNOWLEDGED', note: 'Revisando' }, bearer(jalisco)))).toBe('FORBIDDEN');
    expect(codeOf(await participation.send(ANSWER, { id, status: 'ACKNOWLEDGED', note: 'Revisando' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await participation.send(ANSWER, { id, status: 'OPEN', note: 'x' }, bearer(moderator)))).toBe('BAD_USER_INPUT');
    const acknowledged = await participation.send(ANSWER, { id, status: 'ACKNOWLEDGED', note: 'Revisando con SHCP' }, bearer(moderator));
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data!.answerReport.report).toMatchObject({
      status: 'ACKNOWLEDGED',
      answers: [{ status: 'ACKNOWLEDGED', note: 'Revisando con SHCP', by: { role: 'MODERATOR', sector: null, state: null } }],
    });
    const resolved = await participation.send(ANSWER, { id, status: 'RESOLVED', note: 'Corregido' }, bearer(moderator));
    expect(resolved.data!.answerReport.report.status).toBe('RESOLVED');
    expect(codeOf(await participation.send(ANSWER, { id, status: 'REJECTED', note: 'x' }, bearer(moderator)))).toBe('BAD_USER_INPUT');
  });

  it("a secretariat member answers reports on its own state's items only", async () => {
    const onTlaxcala = (
      await participation.data(REPORT_PROBLEM, {
        input: problem({ target: { type: 'COMMITMENT', id: 'MX-TLA-PAL-2016-03' }, field: null }),
      })
    ).reportProblem.report.id;
    expect(codeOf(await participation.send(ANSWER, { id: onTlaxcala, status: 'ACKNOWLEDGED', note: 'x' }, bearer(jalisco)))).toBe(
      'FORBIDDEN',
    );
    const answered = await participation.send(ANSWER, { id: onTlaxcala, status: 'ACKNOWLEDGED', note: 'Lo vemos' }, bearer(tlaxcala));
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.answerReport.report.answers[0].by).toEqual({
      role: 'SECRETARIAT_MEMBER',
      sector: 'GUARANTOR_BODY',
      state: { id: '29' },
    });
    const onState = (await participation.data(REPORT_PROBLEM, { input: problem({ target: { type: 'STATE', id: '29' }, field: null }) }))
      .reportProblem.report.id;
    const duplicate = await participation.send(
      ANSWER,
      { id: onState, status: 'DUPLICATE', note: 'Ya reportado', duplicateOf: onTlaxcala },
      bearer(tlaxcala),
    );
    expect(duplicate.data!.answerReport.report).toMatchObject({ status: 'DUPLICATE', duplicateOf: { id: onTlaxcala } });
    const onRecord = (
      await participation.data(REPORT_PROBLEM, { input: problem({ target: { type: 'RECORD', id: 'MX-GOB-14/AP.01/2017' }, field: null }) })
    ).reportProblem.report.id;
    expect(codeOf(await participation.send(ANSWER, { id: onRecord, status: 'DUPLICATE', note: 'x' }, bearer(jalisco)))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await participation.send(ANSWER, { id: onRecord, status: 'ACKNOWLEDGED', note: 'x' }, bearer(tlaxcala)))).toBe(
      'FORBIDDEN',
    );
  });

  it('the same write twice with one idempotency key creates one report; the key with another body is refused', async () => {
    const count = () => participation.dataSource.getRepository(Report).count();
    const before = await count();
    const first = await participation.send(REPORT_PROBLEM, { input: problem() }, { idempotencyKey: 'retry-1' });
    const second = await participation.send(REPORT_PROBLEM, { input: problem() }, { idempotencyKey: 'retry-1' });
    expect(second.data!.reportProblem.report).toEqual(first.data!.reportProblem.report);
    expect(await count()).toBe(before + 1);
    const inInput = await participation.send(REPORT_PROBLEM, { input: problem({ idempotencyKey: 'retry-2' }) });
    const again = await participation.send(REPORT_PROBLEM, { input: problem({ idempotencyKey: 'retry-2' }) });
    expect(again.data!.reportProblem.report.id).toBe(inInput.data!.reportProblem.report.id);
    expect(await count()).toBe(before + 2);
    const other = await participation.send(REPORT_PROBLEM, { input: problem({ body: 'Otro texto' }) }, { idempotencyKey: 'retry-1' });
    expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count()).toBe(before + 2);
  });

  it('two sends of one key at once still create one report', async () => {
    const count = () => participation.dataSource.getRepository(Report).count();
    const before = await count();
    const sends = await Promise.all(
      [1, 2, 3].map(() => participation.send(REPORT_PROBLEM, { input: problem() }, { idempotencyKey: 'at-once' })),
    );
    for (const sent of sends) expect(sent.errors).toBeUndefined();
    expect(new Set(sends.map((sent) => sent.data!.reportProblem.report.id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('three flags from three clients hide a report from the public; one client counts once; a moderator restores it', async () => {
    const { id } = (
      await participation.data(REPORT_PROBLEM, { input: problem({ target: { type: 'CONTRACT', id: 'ocds-07smqs-1109/201720005131' } }) })
    ).reportProblem.report;
    const flag = (client: string) => participation.send(FLAG, { id, reason: 'SPAM' }, { client });
    expect((await flag('198.51.100.1')).data!.flagReport.report).toEqual({ id });
    expect((await flag('198.51.100.1')).data!.flagReport.report).toEqual({ id });
    expect((await flag('198.51.100.2')).data!.flagReport.report).toEqual({ id });
    expect((await reportsOf('Contract', 'ocds-07smqs-1109/201720005131')).totalCount).toBe(1);
    expect((await flag('198.51.100.3')).data!.flagReport.report).toBeNull();
    expect((await reportsOf('Contract', 'ocds-07smqs-1109/201720005131')).totalCount).toBe(0);
    expect((await participation.data('query($id: ID!) { report(id: $id) { id } }', { id })).report).toBeNull();
    const hiddenList = '{ reports(filter: { hidden: true }) { edges { node { id hidden } } } }';
    expect(codeOf(await participation.send(hiddenList))).toBe('UNAUTHENTICATED');
    expect((await participation.send(hiddenList, {}, bearer(moderator))).data!.reports.edges).toEqual([{ node: { id, hidden: true } }]);
    const restored = await participation.send(
      `mutation($id: ID!) { restoreReport(id: $id) { report { id hidden } } }`,
      { id },
      bearer(moderator),
    );
    expect(restored.data!.restoreReport.report).toEqual({ id, hidden: false });
    expect((await reportsOf('Contract', 'ocds-07smqs-1109/201720005131')).totalCount).toBe(1);
    expect(
      codeOf(
        await participation.send(`mutation($id: ID!) { hideReport(id: $id, reason: "x") { report { id } } }`, { id }, bearer(tlaxcala)),
      ),
    ).toBe('FORBIDDEN');
  });

  it("pages an item's reports by cursor, filtered by status", async () => {
    const ids: string[] = [];
    for (const body of ['uno', 'dos', 'tres']) {
      ids.push(
        (await participation.data(REPORT_PROBLEM, { input: problem({ target: { type: 'STATE', id: '05' }, field: null, body }) }))
          .reportProblem.report.id,
      );
    }
    await participation.send(ANSWER, { id: ids[1], status: 'REJECTED', note: 'No aplica' }, bearer(moderator));
    const page = async (args: string) =>
      (
        await participation.data(
          entities('State', `reports(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }`),
          {
            representations: [{ __typename: 'State', id: '05' }],
          },
        )
      )._entities[0].reports;
    const first = await page('first: 2');
    expect(first.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(ids.slice(0, 2));
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await page(`first: 2, after: "${first.pageInfo.endCursor}"`);
    expect(second.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([ids[2]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const open = await page('status: [OPEN]');
    expect(open.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([ids[0], ids[2]]);
    expect(open.totalCount).toBe(2);
  });

  it('HTML, scripts and formulas are stored and returned exactly as sent', async () => {
    const hostile = [
      '<script>alert("x")</script><b>negritas</b>',
      "=cmd|' /C calc'!A0",
      '+SUM(A1:A9)',
      '@HYPERLINK("http://evil")',
      '  espacios  \n\tlínea',
    ];
    for (const body of hostile) {
      const sent = await participation.data(REPORT_PROBLEM, { input: problem({ body }) });
      expect(sent.reportProblem.report.body).toBe(body);
      const read = await participation.data('query($id: ID!) { report(id: $id) { body } }', { id: sent.reportProblem.report.id });
      expect(read.report.body).toBe(body);
    }
  });

  it('refuses targets of the wrong shape, and texts over their limits, with BAD_USER_INPUT', async () => {
    const wrong: [string, string][] = [
      ['COMMITMENT', 'MX-XXX-2016'],
      ['BUDGET_PROGRAM', '33I005'],
      ['STATE', '33'],
      ['STATE', '7'],
      ['INSTITUTION', '<script>'],
      ['CONTRACT', 'x'.repeat(300)],
      ['ACTION_PLAN', 'MX-TLA-PAL-2016-03'],
    ];
    for (const [type, id] of wrong)
      expect(codeOf(await participation.send(REPORT_PROBLEM, { input: problem({ target: { type, id } }) }))).toBe('BAD_USER_INPUT');
    for (const extra of [
      { body: 'x'.repeat(4_001) },
      { body: '   ' },
      { field: 'a b' },
      { contact: 'c'.repeat(201) },
      { body: 'a\u0000b' },
    ]) {
      expect(codeOf(await participation.send(REPORT_PROBLEM, { input: problem(extra) }))).toBe('BAD_USER_INPUT');
    }
    expect((await participation.send(REPORT_PROBLEM, { input: problem({ body: 'ñ'.repeat(4_000) }) })).errors).toBeUndefined();
  });

  it('each write advances the data version', async () => {
    const version = async () =>
      (await participation.data('{ dataVersion { participation { version } } }')).dataVersion.participation.version;
    const before = await version();
    await participation.data(REPORT_PROBLEM, { input: problem() });
    expect(await version()).toBe(before + 1);
  });
});
