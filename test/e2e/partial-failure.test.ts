import { SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE } from '../../gateway/subgraph-client';
import { FOLLOW_THE_MONEY, FOLLOW_THE_MONEY_VARIABLES } from '../../tools/bench/follow-the-money.query';
import { startFederation, type TestFederation } from '../helpers/federation';
import { startSwitchableProxy, type SwitchableProxy } from '../helpers/switchable-proxy';

/** The fields budgets contributes to the commitment in the Follow-the-Money query. */
const BUDGETS_PATHS = [
  ['commitment', 'allocations'],
  ['commitment', 'contracts'],
  ['commitment', 'funding'],
];

let api: TestFederation;
let budgets: SwitchableProxy;
const previousTimeout = process.env.SUBGRAPH_TIMEOUT_MS;

// Production, so the test also proves the error masking keeps the service, the path and the code.
beforeAll(async () => {
  process.env.SUBGRAPH_TIMEOUT_MS = '1500';
  api = await startFederation('production', {
    route: async (name, url) => {
      if (name !== 'budgets') return url;
      budgets = await startSwitchableProxy(url);
      return budgets.url;
    },
  });
}, 180_000);
afterAll(async () => {
  await budgets?.close();
  await api?.stop();
  if (previousTimeout === undefined) delete process.env.SUBGRAPH_TIMEOUT_MS;
  else process.env.SUBGRAPH_TIMEOUT_MS = previousTimeout;
});

async function followTheMoney() {
  return api.query(FOLLOW_THE_MONEY, FOLLOW_THE_MONEY_VARIABLES);
}

/** What the other three subgraphs answer whatever budgets does. */
function expectEverythingButBudgets(commitment: Record<string, any>) {
  expect(commitment.title).toMatch(/FORTAMUN/);
  expect(commitment.actionPlan).toEqual(
    expect.objectContaining({ title: expect.any(String), state: expect.objectContaining({ name: 'Tlaxcala' }) }),
  );
  expect(commitment.responsibleInstitution).toEqual(expect.objectContaining({ kind: 'EXECUTIVE', order: 'STATE' }));
  expect(commitment.records.length).toBeGreaterThan(0);
  expect(commitment.records[0].series.retention).toEqual({ activeYears: expect.any(Number), semiActiveYears: expect.any(Number) });
}

function sortedPaths(errors: readonly { path?: readonly (string | number)[] }[]) {
  return errors.map((error) => error.path).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('the Follow-the-Money query when budgets cannot answer', () => {
  test('with budgets stopped, only its fields are null, and each error names budgets, the path and the code', async () => {
    await budgets.down();
    const { status, data, errors } = await followTheMoney();
    expect(status).toBe(200);
    expectEverythingButBudgets(data!.commitment);
    expect(data!.commitment).toEqual(expect.objectContaining({ funding: null, allocations: null, contracts: null }));
    expect(sortedPaths(errors!)).toEqual(BUDGETS_PATHS);
    for (const error of errors!) {
      expect(error.extensions).toEqual({ code: SUBGRAPH_UNAVAILABLE, serviceName: 'budgets' });
      expect(error.message).toMatch(/budgets/);
    }
  });

  test('with budgets frozen, the answer comes at the timeout with the same fields null', async () => {
    await budgets.up();
    budgets.freeze();
    const { data, errors } = await followTheMoney();
    expectEverythingButBudgets(data!.commitment);
    expect(data!.commitment).toEqual(expect.objectContaining({ funding: null, allocations: null, contracts: null }));
    expect(sortedPaths(errors!)).toEqual(BUDGETS_PATHS);
    for (const error of errors!) expect(error.extensions).toEqual({ code: SUBGRAPH_TIMEOUT, serviceName: 'budgets' });
  }, 30_000);

  test('once budgets is back, the full answer returns with nothing restarted', async () => {
    await budgets.up();
    const { data, errors } = await followTheMoney();
    expect(errors).toBeUndefined();
    expectEverythingButBudgets(data!.commitment);
    expect(data!.commitment.allocations).toHaveLength(2);
    expect(data!.commitment.contracts).toEqual([]);
    expect(data!.commitment.funding).toEqual(expect.objectContaining({ approved: null }));
  });

  test('with archives answering but budgets stopped, a commitment list nulls budgets fields per entity', async () => {
    await budgets.down();
    const { data, errors } = await api.query('{ commitments(first: 3) { edges { node { id title funding { approved } } } } }');
    const edges = data!.commitments.edges as { node: { id: string; title: string; funding: unknown } }[];
    expect(edges).toHaveLength(3);
    for (const { node } of edges) expect(node).toEqual({ id: expect.any(String), title: expect.any(String), funding: null });
    expect(sortedPaths(errors!)).toEqual([0, 1, 2].map((index) => ['commitments', 'edges', index, 'node', 'funding']));
    await budgets.up();
  });
  test('with budgets stopped, a documentation coverage is null, never a coverage of no payments', async () => {
    await budgets.down();
    const { data, errors } = await api.query(
      '{ commitment(id: "MX-SLP-PAL-2017-03") { id records { code } documentation { paid coverage flags } } }',
    );
    expect(data!.commitment).toEqual({ id: 'MX-SLP-PAL-2017-03', records: [], documentation: null });
    expect(errors!.length).toBeGreaterThan(0);
    for (const error of errors!) expect(error.extensions).toEqual(expect.objectContaining({ serviceName: 'budgets' }));
    await budgets.up();
    const back = await api.query('{ commitment(id: "MX-SLP-PAL-2017-03") { documentation { paid } } }');
    expect(back.data!.commitment.documentation).toEqual({ paid: '679278.23' });
  });

  test('a search with budgets stopped answers every other list, and only the budgets lists are null', async () => {
    await budgets.down();
    const { data, errors } = await api.query(
      '{ search(text: "fortamun") { commitments { node { id } } budgetPrograms { node { id } } contracts { node { id } } records { node { id } } } }',
    );
    expect(data!.search.commitments.map((hit: { node: { id: string } }) => hit.node.id)).toEqual(['MX-TLA-PAL-2016-03']);
    expect(data!.search.records.length).toBeGreaterThan(0);
    expect(data!.search).toEqual(expect.objectContaining({ budgetPrograms: null, contracts: null }));
    expect(errors!.length).toBeGreaterThan(0);
    for (const error of errors!) expect(error.extensions).toEqual({ code: SUBGRAPH_UNAVAILABLE, serviceName: 'budgets' });
    await budgets.up();
  });
});
