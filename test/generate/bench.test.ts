import { parseBenchArgs } from '../../subgraphs/bench/import';
import { formatTable, importRatio, type BenchRow } from '../../subgraphs/bench/report';
import { runMeasurement } from '../../subgraphs/bench/worker';
import { METHODS, type Method } from '../../subgraphs/bench/measure';
import type { MeasurementResult } from '../../subgraphs/bench/worker';
import { definition } from '../../subgraphs/budgets/definition';
import { BudgetLine } from '../../subgraphs/budgets/entities/budget-line.entity';
import { parseBudgetFiles } from '../../subgraphs/budgets/importers/shcp-budget.importer';
import { insertRows } from '../../subgraphs/bench/raw-insert';
import { openThrowawayDatabase } from '../../subgraphs/bench/throwaway-database';
import { syntheticBudgetInputs } from '../../subgraphs/generate/load';
import { inTransaction } from '../../subgraphs/shared/importing';
import { generate, type Generated } from './helpers';

/** The benchmark's building blocks on tiny inputs: rows land, throw-away databases go; no time is asserted anywhere. */
let generated: Generated;

beforeAll(() => {
  generated = generate({ lines: 40, transactions: 60, records: 0, seed: 'bench-smoke' });
});
afterAll(() => generated.remove());

const engine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

test.each(METHODS)('budget lines, %s: every generated line is parsed and written', async (method) => {
  const timing = await runMeasurement({ engine, subject: 'budget', method, directory: generated.directory, databaseUrl: process.env.DATABASE_URL });
  expect(timing.rows).toBe(40);
  expect(timing.parseSeconds === null).toBe(method !== 'import');
});

test.each(METHODS)('OCDS payments, %s: every generated payment is parsed and written', async (method) => {
  const timing = await runMeasurement({ engine, subject: 'ocds', method, directory: generated.directory, databaseUrl: process.env.DATABASE_URL });
  expect(timing.rows).toBe(60);
});

test('the INSERT ceiling stores the same rows as the importer would (read back through the entity)', async () => {
  const parsed = parseBudgetFiles(syntheticBudgetInputs(generated.directory));
  const database = await openThrowawayDatabase(definition, engine, process.env.DATABASE_URL);
  try {
    await inTransaction(database.dataSource, (manager) => insertRows(manager, BudgetLine, parsed.lines));
    const stored = await database.dataSource.getRepository(BudgetLine).find({ order: { id: 'ASC' } });
    const expected = [...parsed.lines].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(stored.map((line) => [line.id, line.approved, line.paid, line.source.dataset, line.source.row])).toEqual(
      expected.map((line) => [line.id, line.approved, line.paid, line.source.dataset, line.source.row]),
    );
  } finally {
    await database.drop();
  }
});

test('arguments and the printed table', () => {
  expect(parseBenchArgs([])).toEqual({ lines: 100_000, transactions: 100_000, seed: 'bench' });
  expect(parseBenchArgs(['--lines', '500', '--transactions', '0'])).toEqual({ lines: 500, transactions: 0, seed: 'bench' });
  expect(() => parseBenchArgs(['--rows', '5'])).toThrow('unknown argument');

  const result = (seconds: number): MeasurementResult => ({ rows: 1_000, seconds, parseSeconds: seconds / 2, peakRssMb: 100 });
  const row: BenchRow = { engine: 'sqlite', subject: 'budget', results: { import: result(2), upsert: result(1), insert: result(0.5) } as Record<Method, MeasurementResult> };
  expect(importRatio(row)).toBeCloseTo(0.25);
  const table = formatTable([row]).split('\n');
  expect(table).toHaveLength(3);
  expect(table[2]).toMatch(/^sqlite\s+SHCP budget lines\s+1,000\s+500\s+1\.00\s+1\.00\s+1,000\s+2,000\s+0\.25\s+100 MB$/);
});
