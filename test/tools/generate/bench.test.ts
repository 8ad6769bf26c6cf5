import path from 'node:path';
import { benchRuns, parseBenchArgs } from '../../../tools/bench/import';
import { benchInputs, needsGenerated, presentInputs, sizedBy, type BenchInput } from '../../../tools/bench/inputs';
import { methodsOf, type Method } from '../../../tools/bench/measure';
import { formatScaling, formatTable, importRatio, type BenchRow } from '../../../tools/bench/report';
import { copyRows, insertRows } from '../../../tools/bench/raw-insert';
import { openThrowawayDatabase } from '../../../tools/bench/throwaway-database';
import { runMeasurement, type MeasurementResult } from '../../../tools/bench/worker';
import { definition } from '../../../subgraphs/budgets/definition';
import { BudgetLine } from '../../../subgraphs/budgets/entities/budget-line.entity';
import { shcpBudget } from '../../../subgraphs/budgets/importers/shcp-budget.format';
import { LAYOUT } from '../../../tools/generate/synthetic';
import { FORMATS } from '../../../tools/import/formats';
import { inTransaction } from '../../../subgraphs/kit/import/load-transaction';
import { parseFormat, rowsOf } from '../../helpers/formats';
import { REAL_DATA } from '../../helpers/real-data';
import { runJson, sandbox, type Sandbox } from '../import/cli';
import { DATA, generate, type Generated } from './helpers';

/** The benchmark's machinery for every format on tiny inputs: rows land, throw-away databases go; no time is asserted anywhere. */
let generated: Generated;
let inputs: BenchInput[];
let box: Sandbox;

beforeAll(() => {
  generated = generate({ lines: 40, transactions: 60, records: 5, contracts: 30, seed: 'bench-smoke' });
  inputs = benchInputs({ generated: generated.directory, realData: REAL_DATA, projectData: DATA });
  box = sandbox();
});
afterAll(async () => {
  generated.remove();
  await box.cleanup();
});

const engine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
const databaseUrl = process.env.DATABASE_URL;

test('every format the CLI imports has an input, generated or real', () => {
  expect(inputs.map((input) => input.format)).toEqual(FORMATS.map((format) => format.name));
  expect(inputs.filter((input) => input.description.startsWith('generated')).map((input) => input.format)).toEqual([
    'shcp-budget',
    'ocds',
    'compranet',
    'records',
  ]);
  for (const input of inputs) expect(input.paths.length).toBeGreaterThan(0);
});

/** Rows read as the generator wrote them; for real files, as the CLI's own report counts them. */
async function expectedRows(input: BenchInput): Promise<number> {
  const { budget, ocds, archives, compranet } = generated.manifest;
  if (input.format === 'shcp-budget') return budget.lines;
  if (input.format === 'ocds') return ocds.contracts;
  if (input.format === 'compranet') return compranet.contracts;
  if (input.format === 'records') return archives.records + archives.subjects + archives.documents;
  const { report } = await runJson(box, [input.format, ...input.paths, ...(input.skipRejected ? ['--skip-rejected'] : []), '--dry-run']);
  return report.files.reduce((sum, file) => sum + (file.rows ?? Number.NaN), 0);
}

const formats = FORMATS.map((format) => format.name);

/**
 * Tables an import fills from the rows it has just written, not from the parsed input: the spending rollups and the
 * contract–supplier index. The ceiling is a bare INSERT of the parsed rows, so it writes none of them and they are
 * left out of the comparison; any other table the import writes must match the ceiling's count.
 */
const DERIVED_TABLES = ['spending_rollup', 'contract_supplier'];
const parsedTables = (written: Record<string, number>) =>
  Object.fromEntries(Object.entries(written).filter(([table]) => !DERIVED_TABLES.includes(table)));

test.each(formats)('%s: one load each way counts the rows read, and the ceiling writes the parsed rows the import writes', async (name) => {
  const input = inputs.find((candidate) => candidate.format === name)!;
  if (presentInputs([input]).present.length === 0) return;
  const results = {} as Record<Method, Awaited<ReturnType<typeof runMeasurement>>>;
  for (const method of methodsOf(engine)) {
    const { format, paths, skipRejected, prerequisite } = input;
    results[method] = await runMeasurement({ engine, method, databaseUrl, format, paths, skipRejected, prerequisite, minSeconds: 0 });
  }
  const rows = await expectedRows(input);
  expect(rows).toBeGreaterThan(0);
  for (const method of methodsOf(engine)) {
    expect(results[method]).toEqual(expect.objectContaining({ loads: 1, rows, rowsPerLoad: rows }));
    expect(results[method].unit).toMatch(/^(CSV rows|JSON items \(.+\))$/);
  }
  expect(results.import.parseSeconds).not.toBeNull();
  expect(results.insert.parseSeconds).toBeNull();
  for (const method of methodsOf(engine)) expect(results[method]?.cpuSeconds).toBeGreaterThan(0);
  expect(Object.keys(results.import.written).length).toBeGreaterThan(0);
  expect(results.insert.written).toEqual(parsedTables(results.import.written));
  if (engine === 'postgres') expect(results.copy.written).toEqual(results.insert.written);
});

test('repeated loads go into emptied tables: the same rows written, the rows read counted once per load', async () => {
  const input = inputs.find((candidate) => candidate.format === 'allocations')!;
  const once = await runMeasurement({
    engine,
    method: 'import',
    databaseUrl,
    format: input.format,
    paths: input.paths,
    skipRejected: false,
    minSeconds: 0,
  });
  const repeated = await runMeasurement({
    engine,
    method: 'import',
    databaseUrl,
    format: input.format,
    paths: input.paths,
    skipRejected: false,
    // A count of loads rather than a multiple of the first one's time: the machine's load must not decide the test.
    minSeconds: 0,
    minLoads: 3,
  });
  expect(repeated.loads).toBe(3);
  expect(repeated.rows).toBe(once.rowsPerLoad * repeated.loads);
  expect(repeated.written).toEqual(once.written);
});

test.each(methodsOf(engine).filter((method) => method !== 'import'))(
  'the bare %s ceiling stores the same rows as the importer would (read back through the entity)',
  async (method) => {
    const lines = rowsOf(await parseFormat(shcpBudget, [path.join(generated.directory, LAYOUT.budget)]), BudgetLine);
    const database = await openThrowawayDatabase(definition, engine, databaseUrl);
    try {
      const bare = method === 'copy' ? copyRows : insertRows;
      await inTransaction(database.dataSource, (manager) => bare(manager, BudgetLine, lines));
      const stored = await database.dataSource.getRepository(BudgetLine).find({ order: { id: 'ASC' } });
      const expected = [...lines].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(stored.map((line) => [line.id, line.approved, line.paid, line.source.dataset, line.source.row])).toEqual(
        expected.map((line) => [line.id, line.approved, line.paid, line.source.dataset, line.source.row]),
      );
    } finally {
      await database.drop();
    }
  },
);

test('arguments and the printed table', () => {
  const defaults = parseBenchArgs([]);
  expect(defaults).toEqual(
    expect.objectContaining({ sizes: [100_000], contractSizes: null, transactions: null, records: null, seed: 'bench', minSeconds: 1 }),
  );
  expect(benchRuns(defaults)).toEqual([
    { unit: 'lines', size: 100_000 },
    { unit: 'contracts', size: 10_000 },
  ]);
  const procurement = parseBenchArgs(['--lines', '1000', '--contracts', '200000,20_000', '--formats', 'compranet,ocds']);
  expect(procurement.contractSizes).toEqual([20_000, 200_000]);
  expect(benchRuns(procurement)).toEqual([
    { unit: 'lines', size: 1_000 },
    { unit: 'contracts', size: 20_000 },
    { unit: 'contracts', size: 200_000 },
  ]);
  expect(procurement.formats.map(sizedBy)).toEqual(['contracts', 'contracts']);
  expect(parseBenchArgs(['--formats', 'shcp-budget,records,gdp']).formats.map(sizedBy)).toEqual(['lines', null, 'lines']);
  expect(() => parseBenchArgs(['--contracts', '0'])).toThrow('--contracts');
  expect(defaults.formats.map((format) => format.name)).toEqual(formats);
  const picked = parseBenchArgs(['--lines', '500', '--transactions', '0', '--formats', 'gdp,shcp-budget', '--min-seconds', '0.5']);
  expect(picked).toEqual(expect.objectContaining({ sizes: [500], transactions: 0, records: null, minSeconds: 0.5 }));
  expect(parseBenchArgs(['--lines', '1_000_000,100000']).sizes).toEqual([100_000, 1_000_000]);
  expect(() => parseBenchArgs(['--lines', '100000,lots'])).toThrow('--lines');
  expect(picked.formats.map((format) => format.name)).toEqual(['shcp-budget', 'gdp']);
  expect(needsGenerated(picked.formats)).toBe(true);
  expect(needsGenerated(parseBenchArgs(['--formats', 'gdp,metric']).formats)).toBe(false);
  expect(() => parseBenchArgs(['--rows', '5'])).toThrow('unknown argument');
  expect(() => parseBenchArgs(['--formats', 'gdp,budgets'])).toThrow('unknown format budgets');
  expect(() => parseBenchArgs(['--min-seconds', 'soon'])).toThrow('--min-seconds');

  const result = (seconds: number, loads: number): MeasurementResult => ({
    rows: 1_000 * loads,
    rowsPerLoad: 1_000,
    unit: 'CSV rows',
    loads,
    seconds,
    parseSeconds: seconds / 2,
    cpuSeconds: seconds * 0.75,
    written: { budget_line: 1_000, budget_program: 20 },
    peakRssMb: 100,
  });
  const row: BenchRow = {
    engine: 'sqlite',
    input: { format: 'shcp-budget', description: 'generated shcp-pef/ (1 file)' },
    results: { import: result(2, 2), insert: result(0.5, 1) },
  };
  expect(importRatio(row)).toBeCloseTo(0.5);
  const table = formatTable([row]).split('\n');
  expect(table).toHaveLength(3);
  expect(table[2]).toMatch(
    /^sqlite\s+shcp-budget\s+generated shcp-pef\/ \(1 file\)\s+CSV rows\s+1,000\s+2\s+1\.0 s\s+0\.8 s\s+1,000\s+50 %\s+2,000\s+0\.50\s+–\s+–\s+1,020\s+100 MB$/,
  );
  const onPostgres: BenchRow = { ...row, engine: 'postgres', results: { ...row.results, copy: result(0.25, 1) } };
  expect(formatTable([onPostgres]).split('\n')[2]).toMatch(/\s+2,000\s+0\.50\s+4,000\s+0\.25\s+1,020\s+100 MB$/);
  expect(formatScaling([row])).toBe('');
  const larger = (lines: number, seconds: number, peakRssMb: number): BenchRow => ({
    ...row,
    lines,
    results: { import: { ...result(seconds, 1), rows: lines, rowsPerLoad: lines, peakRssMb }, insert: result(0.5, 1) },
  });
  expect(formatScaling([larger(1_000, 2, 100), larger(10_000, 25, 150)])).toBe(
    'sqlite shcp-budget 10,000 / 1,000 lines (× 10.0): time per load × 12.50, CPU per load × 12.50, rows/s × 0.80, peak RSS × 1.50',
  );
  const contracts = (count: number, seconds: number): BenchRow => ({
    engine: 'sqlite',
    input: { format: 'compranet', description: 'generated compranet/ (1 file)' },
    contracts: count,
    results: { import: { ...result(seconds, 1), rows: count, rowsPerLoad: count }, insert: result(0.5, 1) },
  });
  expect(formatScaling([contracts(20_000, 4), contracts(200_000, 44)])).toBe(
    'sqlite compranet 200,000 / 20,000 contracts (× 10.0): time per load × 11.00, CPU per load × 11.00, rows/s × 0.91, peak RSS × 1.00',
  );
});
