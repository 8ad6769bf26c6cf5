import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { generateAll } from '../generate/generate-all';
import { countFlag, parseFlags } from '../generate/options';
import { LINES_PER_BUDGET_FILE } from '../generate/synthetic';
import { formatNamed } from '../import/formats';
import { definition } from '../../subgraphs/budgets/definition';
import { BudgetLine } from '../../subgraphs/budgets/entities/budget-line.entity';
import { SpendingRollup } from '../../subgraphs/budgets/entities/spending-rollup.entity';
import { budgetLinesQuery } from '../../subgraphs/budgets/queries/budget-line.query';
import { cellCount, cellPage } from '../../subgraphs/budgets/queries/spending-cells.query';
import { FINEST_GROUPING, rollupFor, SpendingDimension } from '../../subgraphs/budgets/queries/spending-dimensions.query';
import type { BudgetLineFilter } from '../../subgraphs/budgets/resolvers/budget-line.input';
import { readConfig } from '../../subgraphs/kit/config';
import { paginate } from '../../subgraphs/kit/connection';
import { rejectIfProblems } from '../../subgraphs/kit/import/problems';
import { refreshStatistics } from '../../subgraphs/kit/import/statistics';
import { cpuMs } from './proc';
import { openThrowawayDatabase, type Engine } from './throwaway-database';

export const SPENDING_BENCH_USAGE =
  'npm run bench:spending -- [--lines N] [--repeat R] [--seed S] [--engines sqlite,postgres]\n' +
  '  defaults: 100000 lines, 9 runs of each read (the median is printed), seed "bench", SQLite and, when DATABASE_URL is set, PostgreSQL';

interface SpendingBenchOptions {
  lines: number;
  repeat: number;
  seed: string;
  engines: Engine[] | null;
}

function parseArgs(argv: readonly string[]): SpendingBenchOptions {
  const flags = parseFlags(argv, ['lines', 'repeat', 'seed', 'engines']);
  const engines = flags.get('engines')?.split(',') ?? null;
  const unknown = engines?.find((engine) => engine !== 'sqlite' && engine !== 'postgres');
  if (unknown !== undefined) throw new Error(`--engines takes sqlite and postgres (got "${unknown}")`);
  return {
    lines: countFlag(flags, 'lines', 100_000, 1),
    repeat: countFlag(flags, 'repeat', 9, 1, 1000),
    seed: flags.get('seed') ?? 'bench',
    engines: engines as Engine[] | null,
  };
}

const { FISCAL_YEAR, STATE, RAMO, INSTITUTION, PROGRAM, MODALITY, CHAPTER, GENERIC_ITEM, FUNDING_SOURCE, FUNCTION } = SpendingDimension;

/** The reference (year × state, a rollup grouping before and after) first, then groupings it compares with it. */
const GROUPINGS: SpendingDimension[][] = [
  [FISCAL_YEAR, STATE],
  [FISCAL_YEAR, PROGRAM, MODALITY],
  [FISCAL_YEAR, FUNDING_SOURCE, FUNCTION],
  [FISCAL_YEAR, MODALITY, GENERIC_ITEM],
  [FISCAL_YEAR, STATE, PROGRAM],
  [FISCAL_YEAR, INSTITUTION, GENERIC_ITEM],
  [FISCAL_YEAR, RAMO, CHAPTER],
  // Three dimensions no hub holds: the finest cells, for scale.
  [FISCAL_YEAR, STATE, PROGRAM, CHAPTER],
];

interface Timed {
  wallMs: number;
  /** This process's CPU, plus the PostgreSQL backends' of the bench's database. */
  cpuMs: number;
}

/** CPU of the database's server processes (PostgreSQL backends of this database), in ms; 0 for SQLite. */
async function backendCpuMs(dataSource: DataSource): Promise<number> {
  if (dataSource.options.type !== 'postgres') return 0;
  const rows: { pid: number }[] = await dataSource.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return rows.reduce((sum, { pid }) => {
    try {
      return sum + cpuMs(pid);
    } catch {
      return sum;
    }
  }, 0);
}

async function timed(dataSource: DataSource, work: () => Promise<unknown>): Promise<Timed> {
  const backend = await backendCpuMs(dataSource);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 + (await backendCpuMs(dataSource)) - backend };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function medianOf(dataSource: DataSource, repeat: number, work: () => Promise<unknown>): Promise<Timed> {
  await work();
  const runs: Timed[] = [];
  for (let i = 0; i < repeat; i += 1) runs.push(await timed(dataSource, work));
  return { wallMs: median(runs.map((run) => run.wallMs)), cpuMs: median(runs.map((run) => run.cpuMs)) };
}

/** What `spending(groupBy, first: 50) { totalCount … }` asks the database, without the GraphQL layer or a cache. */
async function spendingPage(manager: EntityManager, groupBy: SpendingDimension[]): Promise<void> {
  await cellPage(manager, groupBy, {}, { moment: null, descending: false }, 0, 51);
  await cellCount(manager, groupBy, {});
}

/** What `budgetLines(filter, first: 50)` asks without `totalCount`: the page of lines in id order. */
async function linesPage(dataSource: DataSource, filter: BudgetLineFilter | null): Promise<void> {
  await paginate(budgetLinesQuery(dataSource, filter), { first: 50, afterKey: null });
}

async function importLines(dataSource: DataSource, directory: string): Promise<Timed> {
  const format = formatNamed('shcp-budget')!;
  const files = fs
    .readdirSync(directory)
    .sort()
    .map((file) => path.join(directory, file));
  const resolved = format.resolve(files, process.cwd());
  if ('usage' in resolved) throw new Error(resolved.usage);
  const result = await timed(dataSource, async () => {
    const parsed = await format.parse(resolved.files, { manager: async () => dataSource.manager });
    rejectIfProblems([...parsed.fatal, ...parsed.skippable]);
    await dataSource.transaction((manager) => parsed.write(manager));
  });
  await refreshStatistics(dataSource);
  return result;
}

const rollupName = (grouping: SpendingDimension[]) =>
  grouping.length === FINEST_GROUPING.length ? 'the finest cells' : grouping.join(',') || '(the year alone)';

const ms = (value: number) => value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0);

async function benchEngine(engine: Engine, directory: string, options: SpendingBenchOptions, databaseUrl?: string): Promise<void> {
  const database = await openThrowawayDatabase(definition, engine, databaseUrl);
  try {
    const { dataSource } = database;
    const loaded = await importLines(dataSource, directory);
    const rollupRows = await dataSource.getRepository(SpendingRollup).count();
    console.log(
      `\n${engine}: ${options.lines.toLocaleString('en')} lines imported in ${(loaded.wallMs / 1000).toFixed(1)} s ` +
        `(CPU ${(loaded.cpuMs / 1000).toFixed(1)} s), ${rollupRows.toLocaleString('en')} rollup rows`,
    );
    console.log(`median of ${options.repeat} (after one untimed run), ms\n`);
    const rows: string[][] = [['read', 'rollup read', 'cells', 'wall ms', 'CPU ms', '× year × state']];
    let reference: Timed | null = null;
    for (const groupBy of GROUPINGS) {
      const time = await medianOf(dataSource, options.repeat, () => spendingPage(dataSource.manager, groupBy));
      reference ??= time;
      const cells = await cellCount(dataSource.manager, groupBy, {});
      rows.push([
        `spending [${groupBy.join(', ')}]`,
        rollupName(rollupFor(groupBy)),
        cells.toLocaleString('en'),
        ms(time.wallMs),
        ms(time.cpuMs),
        (time.wallMs / reference.wallMs).toFixed(1),
      ]);
    }
    const [{ stateId }] = await dataSource
      .getRepository(BudgetLine)
      .createQueryBuilder('l')
      .select('l.stateId', 'stateId')
      .where('l.stateId IS NOT NULL')
      .limit(1)
      .getRawMany();
    const unfiltered = await medianOf(dataSource, options.repeat, () => linesPage(dataSource, null));
    const filtered = await medianOf(dataSource, options.repeat, () => linesPage(dataSource, { stateId }));
    rows.push(['budgetLines, first 50', '', '', ms(unfiltered.wallMs), ms(unfiltered.cpuMs), '']);
    rows.push([
      `budgetLines(stateId ${stateId}), first 50`,
      '',
      '',
      ms(filtered.wallMs),
      ms(filtered.cpuMs),
      `${(filtered.wallMs / unfiltered.wallMs).toFixed(1)} × unfiltered`,
    ]);
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows)
      console.log(row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  } finally {
    await database.drop();
  }
}

async function main(): Promise<void> {
  let options: SpendingBenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${SPENDING_BENCH_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const engines: Engine[] = options.engines ?? (databaseUrl ? ['sqlite', 'postgres'] : ['sqlite']);
  if (engines.includes('postgres') && !databaseUrl) {
    console.error('PostgreSQL needs DATABASE_URL');
    process.exitCode = 2;
    return;
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-bench-spending-'));
  try {
    const started = performance.now();
    generateAll(
      {
        lines: options.lines,
        transactions: 0,
        records: 0,
        contracts: 0,
        seed: options.seed,
        linesPerFile: LINES_PER_BUDGET_FILE,
        out: directory,
      },
      readConfig().dataDirectory,
    );
    console.log(
      `generated ${options.lines.toLocaleString('en')} budget lines (seed "${options.seed}") in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const engine of engines) await benchEngine(engine, path.join(directory, 'shcp-pef'), options, databaseUrl);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  console.log(
    '\nspending: a page of 50 cells in key order and the count of cells (what spending(groupBy, first: 50) { totalCount } sends),\n' +
      'called directly, no GraphQL layer and no cache. budgetLines: the page query alone (no totalCount). CPU: this process,\n' +
      "plus for PostgreSQL the backends of the bench's database (from /proc). Each engine imports into a throw-away database.",
  );
}

if (require.main === module) void main();
