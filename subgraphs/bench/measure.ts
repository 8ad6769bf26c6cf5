import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { BudgetProgram } from '../budgets/entities/budget-program.entity';
import { BudgetLine } from '../budgets/entities/budget-line.entity';
import { ContractProgram } from '../budgets/entities/contract-program.entity';
import { Contract } from '../budgets/entities/contract.entity';
import { Transaction } from '../budgets/entities/transaction.entity';
import { writeOcds, type ParsedOcds } from '../budgets/importers/ocds.importer';
import { parseBudgetFiles, writeBudget, type ParsedBudget } from '../budgets/importers/shcp-budget.importer';
import { parseSyntheticOcds, syntheticBudgetInputs } from '../generate/load';
import { inTransaction, rejectIfProblems, type ImportProblem } from '../shared/importing';
import { insertRows } from './raw-insert';

/** What is loaded: SHCP budget lines (counted in lines) or OCDS payments (counted in transactions). */
export type Subject = 'budget' | 'ocds';

/**
 * - `import`: the real importer, parse + validate + one-transaction upsert (loadBudgetFiles' steps, timed apart);
 * - `upsert`: only the importer's write (upsertAll) of rows parsed beforehand, untimed;
 * - `insert`: the ceiling, plain multi-row INSERTs of the same parsed rows in one transaction.
 */
export type Method = 'import' | 'upsert' | 'insert';

export const SUBJECTS: readonly Subject[] = ['budget', 'ocds'];
export const METHODS: readonly Method[] = ['import', 'upsert', 'insert'];

export interface Timing {
  /** Budget lines or transactions written. */
  rows: number;
  seconds: number;
  /** Of `seconds`, reading and validating the files (import only). */
  parseSeconds: number | null;
}

interface Loadable<P extends { problems: ImportProblem[] }> {
  parse(directory: string): P;
  rows(parsed: P): number;
  write(dataSource: DataSource, parsed: P): Promise<void>;
  insert(dataSource: DataSource, parsed: P): Promise<void>;
}

const BUDGET: Loadable<ParsedBudget> = {
  parse: (directory) => parseBudgetFiles(syntheticBudgetInputs(directory)),
  rows: (parsed) => parsed.lines.length,
  write: (dataSource, parsed) => inTransaction(dataSource, (manager) => writeBudget(manager, parsed)),
  insert: (dataSource, parsed) =>
    inTransaction(dataSource, async (manager) => {
      await insertRows(manager, BudgetProgram, parsed.programs);
      await insertRows(manager, BudgetLine, parsed.lines);
    }),
};

const OCDS: Loadable<ParsedOcds> = {
  parse: (directory) => parseSyntheticOcds(directory),
  rows: (parsed) => parsed.transactions.length,
  write: (dataSource, parsed) => inTransaction(dataSource, (manager) => writeOcds(manager, parsed)),
  insert: (dataSource, parsed) =>
    inTransaction(dataSource, async (manager) => {
      await insertRows(manager, Contract, parsed.contracts);
      await insertRows(manager, ContractProgram, parsed.links);
      await insertRows(manager, Transaction, parsed.transactions);
    }),
};

/** Loads the generated files of `directory` into empty tables of `dataSource` one way, and times it. */
export function measure(subject: Subject, method: Method, directory: string, dataSource: DataSource): Promise<Timing> {
  return subject === 'budget' ? timed(BUDGET, method, directory, dataSource) : timed(OCDS, method, directory, dataSource);
}

async function timed<P extends { problems: ImportProblem[] }>(
  loadable: Loadable<P>,
  method: Method,
  directory: string,
  dataSource: DataSource,
): Promise<Timing> {
  if (method === 'import') {
    const started = performance.now();
    const parsed = loadable.parse(directory);
    rejectIfProblems(parsed.problems);
    const parsedAt = performance.now();
    await loadable.write(dataSource, parsed);
    return { rows: loadable.rows(parsed), seconds: seconds(started), parseSeconds: (parsedAt - started) / 1000 };
  }
  const parsed = loadable.parse(directory);
  rejectIfProblems(parsed.problems);
  const started = performance.now();
  await (method === 'upsert' ? loadable.write(dataSource, parsed) : loadable.insert(dataSource, parsed));
  return { rows: loadable.rows(parsed), seconds: seconds(started), parseSeconds: null };
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}
