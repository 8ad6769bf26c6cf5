import path from 'node:path';
import { FinestSpendingCells1796661000000 } from '../../../migrations/budgets/1796661000000-finest-spending-cells';
import { AllSpendingPairs1796670000000 } from '../../../migrations/budgets/1796670000000-all-spending-pairs';
import { BudgetLine } from '../../../subgraphs/budgets/entities/budget-line.entity';
import { BudgetProgram } from '../../../subgraphs/budgets/entities/budget-program.entity';
import { SpendingRollup } from '../../../subgraphs/budgets/entities/spending-rollup.entity';
import { definition } from '../../../subgraphs/budgets/definition';
import { parseBudgetFiles, writeBudget } from '../../../subgraphs/budgets/importers/shcp-budget.importer';
import { MOMENTS } from '../../../subgraphs/budgets/queries/spending-chain.query';
import {
  DIMENSION_COLUMNS,
  FINEST_GROUPING,
  PROGRAM_COLUMNS,
  ROLLUP_GROUPINGS,
  rollupFor,
  type SpendingDimension,
} from '../../../subgraphs/budgets/queries/spending-dimensions.query';
import { allCells, type CellRow } from '../../../subgraphs/budgets/queries/spending-cells.query';
import { SAMPLE_DATASETS } from '../../../subgraphs/budgets/entities/budget-line.entity';
import { formatMoney } from '../../../subgraphs/kit/money';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';

/*
 * The rollups are summed from one another (the finest cells from the lines, hubs from the finest, pairs from the
 * smallest rollup holding them): whatever the path, every stored cell must equal the sum of the stored lines it
 * covers, and every grouping of up to two dimensions must read a rollup whose cells are exactly its own.
 */

let budgets: TestSubgraph;
beforeAll(async () => {
  budgets = await openTestSubgraph(definition);
}, 120_000);
afterAll(() => budgets?.close());

type Cell = { keys: string; names: string; sums: string; lineCount: number; sampleLines: number };

const text = (value: unknown) => (value === null || value === undefined ? '∅' : String(value));

interface StoredLines {
  lines: BudgetLine[];
  programs: Map<string, BudgetProgram>;
}

async function storedLines(): Promise<StoredLines> {
  const programs = new Map((await budgets.dataSource.getRepository(BudgetProgram).find()).map((program) => [program.id, program]));
  return { lines: await budgets.dataSource.getRepository(BudgetLine).find(), programs };
}

/** Every cell of a grouping summed here, with BigInt, from the stored lines and their programs. */
async function cellsFromLines(grouping: SpendingDimension[], stored?: StoredLines): Promise<Map<string, Cell>> {
  const { lines, programs } = stored ?? (await storedLines());
  const keyColumns = ['fiscalYear', ...grouping.flatMap((dimension) => DIMENSION_COLUMNS[dimension].keys)];
  const nameColumns = grouping.flatMap((dimension) => DIMENSION_COLUMNS[dimension].names);
  const cells = new Map<string, { names: (string | null)[]; sums: (bigint | null)[]; lineCount: number; sampleLines: number }>();
  for (const line of lines) {
    const value = (column: string) =>
      (PROGRAM_COLUMNS.has(column) ? programs.get(line.programId) : line)![column as keyof (BudgetLine | BudgetProgram)] as unknown;
    const key = keyColumns.map((column) => text(value(column))).join('|');
    let cell = cells.get(key);
    if (!cell) {
      cell = { names: nameColumns.map(() => null), sums: MOMENTS.map(() => null), lineCount: 0, sampleLines: 0 };
      cells.set(key, cell);
    }
    for (const [i, column] of nameColumns.entries()) {
      const name = value(column) as string | null;
      if (name !== null && (cell.names[i] === null || name < cell.names[i]!)) cell.names[i] = name;
    }
    for (const [i, moment] of MOMENTS.entries()) {
      const amount = line[moment];
      if (amount !== null) cell.sums[i] = (cell.sums[i] ?? 0n) + amount;
    }
    cell.lineCount += 1;
    if (SAMPLE_DATASETS.includes(line.source.dataset)) cell.sampleLines += 1;
  }
  return new Map(
    [...cells].map(([key, cell]) => [
      key,
      {
        keys: key,
        names: cell.names.map(text).join('|'),
        sums: cell.sums.map((sum) => (sum === null ? '∅' : formatMoney(sum))).join('|'),
        lineCount: cell.lineCount,
        sampleLines: cell.sampleLines,
      },
    ]),
  );
}

/** The stored rollup cells of a grouping, in the same shape. */
async function storedCells(grouping: SpendingDimension[]): Promise<Map<string, Cell>> {
  const rows = await budgets.dataSource.getRepository(SpendingRollup).find({ where: { grouping: grouping.join(',') } });
  const keyColumns = ['fiscalYear', ...grouping.flatMap((dimension) => DIMENSION_COLUMNS[dimension].keys)];
  const nameColumns = grouping.flatMap((dimension) => DIMENSION_COLUMNS[dimension].names);
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    const value = (column: string) => (row as unknown as Record<string, unknown>)[column];
    const keys = keyColumns.map((column) => text(value(column))).join('|');
    cells.set(keys, {
      keys,
      names: nameColumns.map((column) => text(value(column))).join('|'),
      sums: MOMENTS.map((moment) => (row[moment] === null ? '∅' : formatMoney(row[moment]!))).join('|'),
      lineCount: row.lineCount,
      sampleLines: row.sampleLines,
    });
  }
  return cells;
}

const sorted = (cells: Map<string, Cell>) => [...cells.values()].sort((a, b) => (a.keys < b.keys ? -1 : a.keys > b.keys ? 1 : 0));

describe('spending rollups summed from one another', () => {
  test.each(ROLLUP_GROUPINGS.map((grouping) => [grouping.join(',') || '(the year alone)', grouping]))(
    'grouping %s: every cell equals the sum of its stored lines',
    async (_name, grouping) => {
      const expected = await cellsFromLines(grouping);
      expect(expected.size).toBeGreaterThan(0);
      expect(sorted(await storedCells(grouping))).toEqual(sorted(expected));
    },
  );

  test('the finest cells are fewer than the lines when lines share every classifier the aggregates know', async () => {
    const lines = await budgets.dataSource.getRepository(BudgetLine).count();
    const finest = await budgets.dataSource.getRepository(SpendingRollup).count({ where: { grouping: FINEST_GROUPING.join(',') } });
    expect(finest).toBeGreaterThan(0);
    expect(finest).toBeLessThanOrEqual(lines);
  });

  (process.env.DATABASE_URL ? test : test.skip)(
    'PostgreSQL: the migration gives the years loaded before it their finest cells, as an import sums them',
    async () => {
      const finest = FINEST_GROUPING.join(',');
      const before = sorted(await storedCells(FINEST_GROUPING));
      await budgets.dataSource.getRepository(SpendingRollup).delete({ grouping: finest });
      const runner = budgets.dataSource.createQueryRunner();
      try {
        await new FinestSpendingCells1796661000000().up(runner);
      } finally {
        await runner.release();
      }
      expect(sorted(await storedCells(FINEST_GROUPING))).toEqual(before);
    },
  );

  test('every grouping of two dimensions reads the rollup stored for them, never the lines nor the finest cells, and its cells are the lines’ sums', async () => {
    const stored = await storedLines();
    const served = (row: CellRow, keys: string[]) =>
      [
        keys.map((key) => text(row.keys[key])).join('|'),
        MOMENTS.map((moment) => (row.moments[moment] === null ? '∅' : formatMoney(row.moments[moment]!))).join('|'),
        row.lineCount,
      ].join(' ');
    for (const [i, first] of FINEST_GROUPING.entries()) {
      for (const second of FINEST_GROUPING.slice(i + 1)) {
        const pair = [first, second];
        const rollup = rollupFor(pair);
        expect(ROLLUP_GROUPINGS).toContainEqual(rollup);
        expect(rollup.length).toBeLessThanOrEqual(4);
        let rows: CellRow[] = [];
        const sent = await budgets.sqlDuring(async () => {
          rows = await allCells(budgets.dataSource.manager, ['FISCAL_YEAR' as SpendingDimension, ...pair], {});
        });
        expect(sent.some((statement) => /\bbudget_line\b/.test(statement.query))).toBe(false);
        const groupings = sent.flatMap((statement) => statement.parameters).filter((parameter) => typeof parameter === 'string');
        expect(groupings).toContain(rollup.join(','));
        expect(groupings).not.toContain(FINEST_GROUPING.join(','));
        // The rollup read holds exactly the pair's cells (what it adds, a program's ramo and modality, a unit's ramo, follows from the ids).
        const expected = await cellsFromLines(pair, stored);
        expect(await budgets.dataSource.getRepository(SpendingRollup).count({ where: { grouping: rollup.join(',') } })).toBe(expected.size);
        const keys = ['fiscalYear', ...pair.flatMap((dimension) => DIMENSION_COLUMNS[dimension].keys)];
        const fromLines = [...expected.values()].map((cell) => [cell.keys, cell.sums, cell.lineCount].join(' '));
        expect(rows.map((row) => served(row, keys)).sort()).toEqual(fromLines.sort());
      }
    }
  });

  test('spending(groupBy: [PROGRAM, MODALITY]) answers the sums of the lines, from the program rollup', async () => {
    const query = (
      after: string | null,
    ) => `{ spending(groupBy: [FISCAL_YEAR, PROGRAM, MODALITY], first: 100${after ? `, after: "${after}"` : ''}) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { key { fiscalYear program { id } modality { code } } amounts { approved modified accrued exercised paid } lineCount } } } }`;
    const sent = await budgets.sqlDuring(() => budgets.data(query(null)));
    expect(sent.some((statement) => /\bbudget_line\b/.test(statement.query))).toBe(false);
    expect(sent.flatMap((statement) => statement.parameters)).toContain('RAMO,PROGRAM,MODALITY');
    const edges: any[] = [];
    let after: string | null = null;
    let spending: any;
    do {
      ({ spending } = await budgets.data(query(after)));
      edges.push(...spending.edges);
      after = spending.pageInfo.endCursor;
    } while (spending.pageInfo.hasNextPage);
    const expected = await cellsFromLines(['PROGRAM', 'MODALITY'] as SpendingDimension[]);
    expect(spending.totalCount).toBe(expected.size);
    const served = edges.map(({ node }: any) => {
      const sums = MOMENTS.map((moment) => (moment === 'committed' ? '∅' : (node.amounts[moment] ?? '∅'))).join('|');
      return [`${node.key.fiscalYear}|${node.key.program.id}|${node.key.modality.code}`, sums, node.lineCount].join(' ');
    });
    const fromLines = [...expected.values()].map((cell) => [cell.keys, cell.sums, cell.lineCount].join(' '));
    expect(served.sort()).toEqual(fromLines.sort());
  });

  (process.env.DATABASE_URL ? test : test.skip)(
    'PostgreSQL: the migration gives the years loaded before it every grouping, as an import sums them, and drops the ones no longer kept',
    async () => {
      const before = new Map<string, Cell[]>();
      for (const grouping of ROLLUP_GROUPINGS) before.set(grouping.join(','), sorted(await storedCells(grouping)));
      const runner = budgets.dataSource.createQueryRunner();
      try {
        await new AllSpendingPairs1796670000000().down(runner);
        expect(await budgets.dataSource.getRepository(SpendingRollup).count({ where: { grouping: 'RAMO,PROGRAM,MODALITY' } })).toBe(0);
        expect(await budgets.dataSource.getRepository(SpendingRollup).count({ where: { grouping: 'PROGRAM' } })).toBeGreaterThan(0);
        await new AllSpendingPairs1796670000000().up(runner);
      } finally {
        await runner.release();
      }
      expect(await budgets.dataSource.getRepository(SpendingRollup).count({ where: { grouping: 'PROGRAM' } })).toBe(0);
      for (const grouping of ROLLUP_GROUPINGS) expect(sorted(await storedCells(grouping))).toEqual(before.get(grouping.join(',')));
    },
  );
});

describe('a load rewrites the rollups of the years it changed, and only those', () => {
  const sample = (year: number) => ({
    file: path.resolve(__dirname, `../../../data/shcp-pef/${year}.sample.csv`),
    dataset: `shcp-pef-${year}-sample`,
  });
  const rollupIds = async (year: number) =>
    (await budgets.dataSource.getRepository(SpendingRollup).find({ where: { fiscalYear: year }, order: { id: 'ASC' } })).map(
      (row) => row.id,
    );

  test('loading both years again unchanged leaves every rollup row as it was', async () => {
    const before = [await rollupIds(2017), await rollupIds(2018)];
    const parsed = parseBudgetFiles([sample(2017), sample(2018)]);
    expect(parsed.problems).toEqual([]);
    await budgets.dataSource.transaction((manager) => writeBudget(manager, parsed));
    expect([await rollupIds(2017), await rollupIds(2018)]).toEqual(before);
  });

  test.each([
    ['the finest cells', FINEST_GROUPING],
    ['a pair an earlier version did not keep', ['FUNDING_SOURCE', 'FUNCTION'] as SpendingDimension[]],
  ])('at open, a year loaded without %s (by an earlier version) gets its rollups rebuilt, and only it', async (_name, grouping) => {
    const before = sorted(await storedCells(grouping));
    const before2018 = await rollupIds(2018);
    await budgets.dataSource.getRepository(SpendingRollup).delete({ grouping: grouping.join(','), fiscalYear: 2017 });
    await definition.upgrade!(budgets.dataSource);
    expect(sorted(await storedCells(grouping))).toEqual(before);
    expect(await rollupIds(2018)).toEqual(before2018);
  });

  test('a changed line of 2018 rewrites 2018’s cells, exactly, and leaves 2017’s alone', async () => {
    const before2017 = await rollupIds(2017);
    const before2018 = await rollupIds(2018);
    const parsed = parseBudgetFiles([sample(2018)]);
    // The lines are parsed again at each pass: the change is made to the first line with an approved amount as it passes.
    function* changedLines() {
      let changed = false;
      for (const batch of parsed.lines()) {
        const line = changed ? undefined : batch.find((candidate) => candidate.approved !== null);
        if (line) {
          line.approved = line.approved! + 12_345_6789n;
          changed = true;
        }
        yield batch;
      }
    }
    await budgets.dataSource.transaction((manager) => writeBudget(manager, { ...parsed, lines: changedLines }));
    expect(await rollupIds(2017)).toEqual(before2017);
    const after2018 = await rollupIds(2018);
    expect(after2018).toHaveLength(before2018.length);
    expect(after2018.some((id) => before2018.includes(id))).toBe(false);
    for (const grouping of [
      [],
      FINEST_GROUPING,
      rollupFor(['STATE', 'PROGRAM'] as SpendingDimension[]),
      ['GENERIC_ITEM'],
    ] as SpendingDimension[][]) {
      expect(sorted(await storedCells(grouping))).toEqual(sorted(await cellsFromLines(grouping)));
    }
  });
});
