import path from 'node:path';
import { definition } from '../../../subgraphs/commitments/definition';
import { commitmentId } from '../../../subgraphs/kit/ids';
import { readCsv } from '../../../subgraphs/kit/import/csv-file';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';

const DATA = path.resolve(__dirname, '../../../data');
const FOLLOW_THE_MONEY = ['MX-DUR-PAL-2015-01', 'MX-MOR-PAL-2015-06', 'MX-OAX-PAL-2016-01', 'MX-TLA-PAL-2016-03', 'MX-VER-PAL-2016-02'];

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
});

afterAll(async () => {
  await subgraph.close();
});

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id);

async function commitmentIds(filter: Record<string, unknown>): Promise<string[]> {
  const result = await subgraph.data(
    'query($filter: CommitmentFilter) { commitments(filter: $filter, first: 100) { totalCount edges { node { id } } } }',
    { filter },
  );
  expect(result.commitments.totalCount).toBe(result.commitments.edges.length);
  return ids(result.commitments);
}

describe('the sample', () => {
  it('loads 7 action plans (the states with a published plan) and the 42 commitments of pal_compromisos.csv', async () => {
    const plansInCsv = readCsv(path.join(DATA, 'ogp-local/ejercicios_locales.csv')).filter(
      (row) => row.values.fecha_publicacion_pal !== '',
    );
    const commitmentsInCsv = readCsv(path.join(DATA, 'ogp-local/pal_compromisos.csv'));
    const result = await subgraph.data('{ actionPlans { totalCount } commitments { totalCount } }');
    expect(result.actionPlans.totalCount).toBe(7);
    expect(plansInCsv).toHaveLength(7);
    expect(result.commitments.totalCount).toBe(42);
    expect(commitmentsInCsv).toHaveLength(42);
  });

  it('gives each plan as many commitments as the CSV lists for its state, which is the count INAI states', async () => {
    const perState = new Map<string, number>();
    for (const row of readCsv(path.join(DATA, 'ogp-local/pal_compromisos.csv'))) {
      perState.set(row.values.estado, (perState.get(row.values.estado) ?? 0) + 1);
    }
    const result = await subgraph.data('{ actionPlans { edges { node { id title commitmentCount commitments { totalCount } } } } }');
    for (const { node } of result.actionPlans.edges) {
      const stateName = node.title.replace('Plan de Acción Local de Gobierno Abierto — ', '');
      const expected = [...perState].find(([name]) => stateName.startsWith(name))?.[1];
      expect({ id: node.id, count: node.commitments.totalCount }).toEqual({ id: node.id, count: expected });
      expect(node.commitmentCount).toBe(expected);
    }
  });
});

describe('lookups', () => {
  it('answers Tlaxcala commitment #3 with its FORTAMUN text, illustrative themes and both provenances', async () => {
    const { commitment } = await subgraph.data(`{
      commitment(id: "MX-TLA-PAL-2016-03") {
        id number kind title description themes stage startDate endDate
        responsibleInstitution { id }
        milestones { title dueOn doneOn source { file row illustrative } }
        evaluations { kind date completion summary source { illustrative } }
        actionPlan { id }
        source { dataset file row illustrative }
        detailsSource { dataset file row illustrative }
      }
    }`);
    expect(commitment.number).toBe(3);
    expect(commitment.kind).toBe('ACTION_PLAN');
    expect(commitment.title).toContain('FORTAMUN');
    expect(commitment.description).toBe(commitment.title);
    expect(commitment.themes).toEqual(
      expect.arrayContaining(['FOLLOW_THE_MONEY', 'RESOURCE_TRANSPARENCY', 'ACCOUNTABILITY', 'CITIZEN_PARTICIPATION']),
    );
    expect(commitment.stage).toBe('IMPLEMENTATION');
    expect(commitment.responsibleInstitution).toEqual({ id: 'MX-GOB-29' });
    expect(commitment.actionPlan).toEqual({ id: 'MX-TLA-PAL-2016' });
    expect(commitment.source).toEqual({ dataset: 'inai-pal-local', file: 'ogp-local/pal_compromisos.csv', row: 35, illustrative: false });
    expect(commitment.detailsSource).toMatchObject({
      dataset: 'illustrative',
      file: 'illustrative/commitment-details.csv',
      illustrative: true,
    });
    expect(commitment.milestones.length).toBeGreaterThan(0);
    expect(commitment.milestones.every((m: { source: { illustrative: boolean } }) => m.source.illustrative)).toBe(true);
    expect(commitment.evaluations).toEqual([
      expect.objectContaining({ kind: 'PRELIMINARY', completion: 'LIMITED', source: { illustrative: true } }),
    ]);
  });

  it("points a commitment's source at its own line of pal_compromisos.csv", async () => {
    const lines = readCsv(path.join(DATA, 'ogp-local/pal_compromisos.csv'));
    const tlaxcala3 = lines.find((row) => row.values.estado === 'Tlaxcala' && row.values.compromiso === '3')!;
    const { commitment } = await subgraph.data('{ commitment(id: "MX-TLA-PAL-2016-03") { title source { row } } }');
    expect(commitment.source.row).toBe(tlaxcala3.line);
    expect(commitment.title).toBe(tlaxcala3.values.titulo);
  });

  it('invents nothing for commitments the illustrative layer does not describe', async () => {
    const { commitment } = await subgraph.data(`{ commitment(id: "MX-TLA-PAL-2016-01") {
      themes stage startDate endDate responsibleInstitution { id } milestones { title } evaluations { kind } detailsSource { file }
    } }`);
    expect(commitment).toEqual({
      themes: [],
      stage: null,
      startDate: null,
      endDate: null,
      responsibleInstitution: null,
      milestones: [],
      evaluations: [],
      detailsSource: null,
    });
    const all = await subgraph.data('{ commitments(first: 100) { edges { node { id themes detailsSource { row } } } } }');
    const detailed = all.commitments.edges.filter(
      (edge: { node: { themes: string[]; detailsSource: object | null } }) => edge.node.detailsSource !== null,
    );
    expect(detailed.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(FOLLOW_THE_MONEY);
    expect(all.commitments.edges.filter((edge: { node: { themes: string[] } }) => edge.node.themes.length > 0)).toHaveLength(5);
  });

  it('numbers proactive commitments P1, P2 in file order, without a number', async () => {
    const result = await subgraph.data(
      '{ actionPlan(id: "MX-MOR-PAL-2015") { commitments(first: 20) { edges { node { id number kind title } } } } }',
    );
    const proactive = result.actionPlan.commitments.edges
      .map((e: { node: object }) => e.node)
      .filter((n: { kind: string }) => n.kind === 'PROACTIVE');
    expect(proactive.map((n: { id: string; number: number | null }) => [n.id, n.number])).toEqual([
      ['MX-MOR-PAL-2015-P1', null],
      ['MX-MOR-PAL-2015-P2', null],
    ]);
    expect(proactive[0].title).toContain('Agenda Mínima Ciudadana');
  });

  it('gives the Tlaxcala plan the dates of ejercicios_locales.csv and a composed title', async () => {
    const { actionPlan } = await subgraph.data(`{ actionPlan(id: "MX-TLA-PAL-2016") {
      id title declarationSignedOn secretariatInstalledOn publishedOn period { start end } status statusNote commitmentCount
      state { id } source { dataset file row }
    } }`);
    expect(actionPlan).toEqual({
      id: 'MX-TLA-PAL-2016',
      title: 'Plan de Acción Local de Gobierno Abierto — Tlaxcala',
      declarationSignedOn: '2015-03-09',
      secretariatInstalledOn: '2015-07-07',
      publishedOn: '2016-06-30',
      period: null,
      status: 'NEXT_PLAN_IN_PREPARATION',
      statusNote: 'Inicio de trabajos para la elaboración del segundo plan de acción.',
      commitmentCount: 5,
      state: { id: '29' },
      source: { dataset: 'inai-pal-local', file: 'ogp-local/ejercicios_locales.csv', row: 9 },
    });
  });

  it('leaves the secretariat date null where the source has none (Morelos)', async () => {
    const { actionPlan } = await subgraph.data('{ actionPlan(id: "MX-MOR-PAL-2015") { secretariatInstalledOn status } }');
    expect(actionPlan).toEqual({ secretariatInstalledOn: null, status: 'CLOSING' });
  });

  it('returns null for unknown ids', async () => {
    const result = await subgraph.data('{ actionPlan(id: "MX-NLE-PAL-2016") { id } commitment(id: "MX-TLA-PAL-2016-99") { id } }');
    expect(result).toEqual({ actionPlan: null, commitment: null });
  });
});

describe('pagination', () => {
  it('walks all 42 commitments in id order, 10 at a time', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: Record<string, any> = await subgraph.data(
        'query($after: String) { commitments(first: 10, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }',
        { after },
      );
      const page = result.commitments;
      expect(page.totalCount).toBe(42);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...ids(page));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(42);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(42);
  });

  it("pages a plan's nested commitments", async () => {
    const first = await subgraph.data(
      '{ actionPlan(id: "MX-MOR-PAL-2015") { commitments(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }',
    );
    const page = first.actionPlan.commitments;
    expect(page.totalCount).toBe(8);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(ids(page)).toEqual([1, 2, 3, 4, 5].map((n) => commitmentId('MX-MOR-PAL-2015', n)));
    const second = await subgraph.data(
      'query($after: String) { actionPlan(id: "MX-MOR-PAL-2015") { commitments(first: 5, after: $after) { pageInfo { hasNextPage } edges { node { id } } } } }',
      {
        after: page.pageInfo.endCursor,
      },
    );
    expect(ids(second.actionPlan.commitments)).toEqual(['MX-MOR-PAL-2015-06', 'MX-MOR-PAL-2015-P1', 'MX-MOR-PAL-2015-P2']);
    expect(second.actionPlan.commitments.pageInfo.hasNextPage).toBe(false);
  });

  it('rejects first over the maximum and foreign cursors as BAD_USER_INPUT', async () => {
    for (const query of [
      '{ commitments(first: 101) { totalCount } }',
      '{ actionPlans(first: 101) { totalCount } }',
      '{ commitments(after: "nope!") { totalCount } }',
    ]) {
      const result = await subgraph.query(query);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('filters', () => {
  it('filters action plans by state and status', async () => {
    const byState = await subgraph.data('{ actionPlans(filter: { stateId: "29" }) { edges { node { id } } } }');
    expect(ids(byState.actionPlans)).toEqual(['MX-TLA-PAL-2016']);
    const implementing = await subgraph.data('{ actionPlans(filter: { status: IMPLEMENTATION }) { edges { node { id } } } }');
    expect(ids(implementing.actionPlans)).toEqual(['MX-CAM-PAL-2017', 'MX-OAX-PAL-2016', 'MX-SLP-PAL-2017']);
    const next = await subgraph.data(
      '{ actionPlans(filter: { status: NEXT_PLAN_IN_PREPARATION, stateId: "10" }) { edges { node { id } } } }',
    );
    expect(ids(next.actionPlans)).toEqual(['MX-DUR-PAL-2015']);
  });

  it('filters commitments by state, plan, kind, stage and responsible institution', async () => {
    expect(await commitmentIds({ stateId: '17' })).toHaveLength(8);
    expect(await commitmentIds({ actionPlanId: 'MX-OAX-PAL-2016' })).toHaveLength(6);
    expect(await commitmentIds({ kind: 'PROACTIVE' })).toEqual(['MX-MOR-PAL-2015-P1', 'MX-MOR-PAL-2015-P2', 'MX-OAX-PAL-2016-P1']);
    expect(await commitmentIds({ stage: 'IMPLEMENTATION' })).toEqual(['MX-OAX-PAL-2016-01', 'MX-TLA-PAL-2016-03']);
    expect(await commitmentIds({ responsibleInstitutionId: 'MX-GOB-29' })).toEqual(['MX-TLA-PAL-2016-03']);
    expect(await commitmentIds({ responsibleInstitutionId: 'MX-GOB-01' })).toEqual([]);
  });

  it('filters commitments by theme', async () => {
    expect(await commitmentIds({ theme: 'FOLLOW_THE_MONEY' })).toEqual(FOLLOW_THE_MONEY);
    expect(await commitmentIds({ theme: 'ACCOUNTABILITY' })).toEqual(['MX-OAX-PAL-2016-01', 'MX-TLA-PAL-2016-03', 'MX-VER-PAL-2016-02']);
    expect(await commitmentIds({ theme: 'RECORDS_MANAGEMENT' })).toEqual([]);
    expect(await commitmentIds({ theme: 'FOLLOW_THE_MONEY', stateId: '17' })).toEqual(['MX-MOR-PAL-2015-06']);
  });

  it('searches titles ignoring case and accents, taking % and _ literally', async () => {
    expect(await commitmentIds({ search: 'fortamun' })).toEqual(['MX-TLA-PAL-2016-03']);
    expect(await commitmentIds({ search: 'Beca Salario' })).toEqual(['MX-MOR-PAL-2015-06']);
    const accented = await commitmentIds({ search: 'PARTICIPACIÓN CIUDADANA' });
    expect(accented.length).toBeGreaterThan(3);
    expect(await commitmentIds({ search: 'participacion ciudadana' })).toEqual(accented);
    expect(await commitmentIds({ search: '%' })).toEqual([]);
    expect(await commitmentIds({ search: '_' })).toEqual([]);
  });
});

describe('federation', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    __typename
    ... on ActionPlan { id title }
    ... on Commitment { id title actionPlan { id } }
    ... on State { id actionPlans { id publishedOn } }
    ... on Institution { id commitments { totalCount edges { node { id } } } }
  } }`;

  it('resolves ActionPlan and Commitment references, null for unknown ids', async () => {
    const result = await subgraph.data(ENTITIES, {
      representations: [
        { __typename: 'ActionPlan', id: 'MX-VER-PAL-2016' },
        { __typename: 'Commitment', id: 'MX-VER-PAL-2016-02' },
        { __typename: 'ActionPlan', id: 'MX-XXX-PAL-1999' },
        { __typename: 'Commitment', id: 'nope' },
      ],
    });
    expect(result._entities[0]).toEqual({
      __typename: 'ActionPlan',
      id: 'MX-VER-PAL-2016',
      title: 'Plan de Acción Local de Gobierno Abierto — Veracruz de Ignacio de la Llave',
    });
    expect(result._entities[1]).toMatchObject({
      __typename: 'Commitment',
      id: 'MX-VER-PAL-2016-02',
      actionPlan: { id: 'MX-VER-PAL-2016' },
    });
    expect(result._entities[1].title).toContain('SUBSEMUN');
    expect(result._entities.slice(2)).toEqual([null, null]);
  });

  it('adds actionPlans to State, empty for the states without a published plan', async () => {
    const result = await subgraph.data(ENTITIES, {
      representations: ['29', '19', '26'].map((id) => ({ __typename: 'State', id })),
    });
    expect(result._entities).toEqual([
      { __typename: 'State', id: '29', actionPlans: [{ id: 'MX-TLA-PAL-2016', publishedOn: '2016-06-30' }] },
      { __typename: 'State', id: '19', actionPlans: [] },
      { __typename: 'State', id: '26', actionPlans: [] },
    ]);
  });

  it('adds commitments to Institution (those it is responsible for)', async () => {
    const result = await subgraph.data(ENTITIES, {
      representations: ['MX-GOB-29', 'MX-GOB-17', 'MX-CPA-12M7F'].map((id) => ({ __typename: 'Institution', id })),
    });
    expect(result._entities).toEqual([
      { __typename: 'Institution', id: 'MX-GOB-29', commitments: { totalCount: 1, edges: [{ node: { id: 'MX-TLA-PAL-2016-03' } }] } },
      { __typename: 'Institution', id: 'MX-GOB-17', commitments: { totalCount: 1, edges: [{ node: { id: 'MX-MOR-PAL-2015-06' } }] } },
      { __typename: 'Institution', id: 'MX-CPA-12M7F', commitments: { totalCount: 0, edges: [] } },
    ]);
  });
});

describe('no N+1', () => {
  const LIST =
    'query($first: Int) { commitments(first: $first) { edges { node { id themes milestones { title } actionPlan { id title state { id } } responsibleInstitution { id } } } } }';

  it('costs the same statements for 42 commitments with their plans as for 2', async () => {
    const many = await subgraph.statementsDuring(() => subgraph.data(LIST, { first: 42 }));
    const few = await subgraph.statementsDuring(() => subgraph.data(LIST, { first: 2 }));
    expect(many).toBe(few);
    // The page and the plans: the list's COUNT runs only when totalCount is asked (kit/connection.ts, paginate).
    expect(many).toBe(2);
    const counted = LIST.replace('commitments(first: $first) {', 'commitments(first: $first) { totalCount');
    expect(await subgraph.statementsDuring(() => subgraph.data(counted, { first: 42 }))).toBe(3);
  });

  it('costs the same for all plans with nested commitments as for one plan', async () => {
    const NESTED =
      'query($first: Int) { actionPlans(first: $first) { edges { node { id commitments(first: 3) { totalCount edges { node { id actionPlan { id } } } } } } } }';
    const many = await subgraph.statementsDuring(() => subgraph.data(NESTED, { first: 7 }));
    const few = await subgraph.statementsDuring(() => subgraph.data(NESTED, { first: 1 }));
    expect(many).toBe(few);
  });

  it('resolves many references with one statement per type', async () => {
    const representations = FOLLOW_THE_MONEY.map((id) => ({ __typename: 'Commitment', id }));
    const query =
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Commitment { id actionPlan { id } } } }';
    const many = await subgraph.statementsDuring(() => subgraph.data(query, { representations }));
    const few = await subgraph.statementsDuring(() => subgraph.data(query, { representations: representations.slice(0, 1) }));
    expect(many).toBe(few);
    expect(many).toBe(2);
  });
});
