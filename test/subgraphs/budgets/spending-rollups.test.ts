import { BudgetLine } from '../../../subgraphs/budgets/entities/budget-line.entity';
import { definition } from '../../../subgraphs/budgets/definition';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';

const YEAR_BY_STATE =
  '{ spending(groupBy: [FISCAL_YEAR, STATE], first: 100) { total { paid lineCount } edges { node { key { fiscalYear geography } amounts { paid } lineCount } } } }';

let budgets: TestSubgraph;
beforeAll(async () => {
  budgets = await openTestSubgraph(definition);
}, 120_000);
afterAll(() => budgets?.close());

describe('spending rollups', () => {
  test('a page of budget lines counts the table only when totalCount is asked for', async () => {
    const page = '{ budgetLines(first: 5) { edges { cursor } } }';
    const counted = '{ budgetLines(first: 5) { totalCount edges { cursor } } }';
    expect(await budgets.statementsDuring(() => budgets.data(page))).toBe(1);
    expect(await budgets.statementsDuring(() => budgets.data(counted))).toBe(2);
  });

  test('totalCount and the grand total of an aggregate cost a statement each, only when asked for', async () => {
    const cells = '{ spending(groupBy: [FISCAL_YEAR, CHAPTER]) { edges { node { lineCount } } } }';
    const everything = '{ spending(groupBy: [FISCAL_YEAR, CHAPTER]) { totalCount total { paid } edges { node { lineCount } } } }';
    expect(await budgets.statementsDuring(() => budgets.data(cells))).toBe(1);
    expect(await budgets.statementsDuring(() => budgets.data(everything))).toBe(3);
  });

  test('an aggregate the rollups cover reads the rollup, not the budget lines', async () => {
    const before = await budgets.data(YEAR_BY_STATE);
    // Lines removed behind the importer's back: a query that still sums them cannot have read the lines.
    await budgets.dataSource.getRepository(BudgetLine).createQueryBuilder().delete().where('fiscalYear = 2017').execute();
    const after = await budgets.data(YEAR_BY_STATE);
    expect(after).toEqual(before);
    expect(before.spending.total.lineCount).toBeGreaterThan(0);
  });
});
