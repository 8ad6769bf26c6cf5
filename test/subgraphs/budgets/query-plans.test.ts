import { definition } from '../../../subgraphs/budgets/definition';
import { openTestSubgraph, type SentStatement, type TestSubgraph } from '../../helpers/subgraph';

/*
 * The cost of a page of budget lines and of a covered aggregate must not grow with the number of lines: each reads an
 * index range, never the whole budget_line table nor all the lines of a filter sorted to return the first few (the
 * filter columns lead (column, id) indexes, which large loads rebuild after writing rather than keep up row by row). Timing
 * cannot show that on the sample (everything is fast at 4,800 lines), the query plan can: these tests capture the SQL
 * the resolvers really send (from the data source's logger) and ask the engine how it would run it.
 *
 * - SQLite: `EXPLAIN QUERY PLAN` names a full read as `SCAN <table>` (no `USING … INDEX`) and a sort of the rows
 *   found as `USE TEMP B-TREE FOR ORDER BY`. `SCAN l USING INDEX sqlite_autoindex_…` is the primary key walked in id
 *   order, which LIMIT stops after the page.
 * - PostgreSQL: on a sample this small the planner rightly prefers a sequential scan (a few hundred pages cost less
 *   than index lookups), so a plan read here would say nothing about a million lines. `SET LOCAL enable_seqscan = off`
 *   makes a sequential scan the last resort: it then still appears only where no index can serve the statement,
 *   which is what these tests look for, as a `Seq Scan on budget_line` or a `Sort` above the budget lines.
 */

let budgets: TestSubgraph;
beforeAll(async () => {
  budgets = await openTestSubgraph(definition);
}, 120_000);
afterAll(() => budgets?.close());

const postgres = () => budgets.dataSource.options.type === 'postgres';

/** The engine's plan of one statement, one line per plan node. */
async function plan(statement: SentStatement): Promise<string[]> {
  const runner = budgets.dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    if (!postgres()) {
      const rows: { detail: string }[] = await runner.query(`EXPLAIN QUERY PLAN ${statement.query}`, statement.parameters);
      return rows.map((row) => row.detail);
    }
    await runner.query('SET LOCAL enable_seqscan = off');
    const rows: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN ${statement.query}`, statement.parameters);
    return rows.map((row) => row['QUERY PLAN']);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/** The statements a request sends to the budget_line table, with their plans. */
async function plansOf(request: string): Promise<{ sql: string; plan: string[] }[]> {
  const sent = await budgets.sqlDuring(() => budgets.data(request));
  expect(sent.length).toBeGreaterThan(0);
  const plans: { sql: string; plan: string[] }[] = [];
  for (const statement of sent) plans.push({ sql: statement.query, plan: await plan(statement) });
  return plans;
}

const readsLines = (sql: string) => /\bbudget_line\b/.test(sql);

/** A plan that reads the lines through an index range, in id order, without a full scan or a sort. */
function expectIndexRangeInIdOrder(steps: string[]): void {
  if (postgres()) {
    expect(steps.join('\n')).toMatch(/Index Scan using \S+ on budget_line/);
    expect(steps.join('\n')).not.toMatch(/Seq Scan on budget_line|Sort/);
  } else {
    expect(steps.some((step) => /^(SCAN|SEARCH) l USING (COVERING )?INDEX /.test(step))).toBe(true);
    expect(steps.filter((step) => /^SCAN l$|^SCAN budget_line$|TEMP B-TREE FOR ORDER BY/.test(step))).toEqual([]);
  }
}

describe('a page of budget lines reads an index range, whatever the table holds', () => {
  const first = '{ budgetLines(first: 5) { edges { cursor } pageInfo { endCursor } } }';

  test('the first page, and a page after a cursor, without totalCount', async () => {
    const firstPage = await plansOf(first);
    expect(firstPage).toHaveLength(1);
    expect(readsLines(firstPage[0].sql)).toBe(true);
    expectIndexRangeInIdOrder(firstPage[0].plan);

    const { budgetLines } = await budgets.data(first);
    const next = await plansOf(`{ budgetLines(first: 5, after: "${budgetLines.pageInfo.endCursor}") { edges { cursor } } }`);
    expect(next).toHaveLength(1);
    expect(next[0].sql).toMatch(/"id" > /);
    expectIndexRangeInIdOrder(next[0].plan);
  });

  test.each([
    ['state', '{ stateId: "29" }'],
    ['program', '{ programId: "2018:33I005" }'],
    ['institution', '{ institutionId: "MX-RAMO-33" }'],
    ['responsible unit', '{ institutionId: "MX-CPA-51GYN" }'],
    ['chapter', '{ chapter: "4000" }'],
  ])('a page filtered by %s, after a cursor: the filter and the cursor are one index range, no sort', async (_name, filter) => {
    const [statement] = await plansOf(
      `{ budgetLines(filter: ${filter}, first: 5, after: "${Buffer.from('2017:').toString('base64url')}") { edges { cursor } } }`,
    );
    expect(readsLines(statement.sql)).toBe(true);
    expectIndexRangeInIdOrder(statement.plan);
  });

  test('totalCount is the one statement that counts the lines, and only when asked for', async () => {
    const counted = await plansOf('{ budgetLines(first: 5) { totalCount edges { cursor } } }');
    expect(counted).toHaveLength(2);
    expect(counted.filter((statement) => /COUNT\(/i.test(statement.sql))).toHaveLength(1);
  });
});

describe('the year × state aggregate reads its rollup, not the budget lines', () => {
  test('one statement, on spending_rollup through its (grouping, fiscalYear) index', async () => {
    const statements = await plansOf(
      '{ spending(groupBy: [FISCAL_YEAR, STATE], first: 100) { edges { node { key { fiscalYear geography } amounts { paid } lineCount } } } }',
    );
    expect(statements).toHaveLength(1);
    const [{ sql, plan: steps }] = statements;
    expect(readsLines(sql)).toBe(false);
    expect(sql).toMatch(/\bspending_rollup\b/);
    if (postgres()) {
      expect(steps.join('\n')).toMatch(/(Index|Bitmap Index) Scan (using|on) \S+/);
      expect(steps.join('\n')).not.toMatch(/Seq Scan/);
    } else {
      expect(steps).toContainEqual(expect.stringMatching(/^SEARCH r USING (COVERING )?INDEX \S+ \(grouping=\?/));
      expect(steps.filter((step) => /^SCAN /.test(step))).toEqual([]);
    }
  });
});
