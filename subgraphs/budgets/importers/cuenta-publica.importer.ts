import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { collectProblems, inTransaction, readCsv, rejectIfProblems, requireColumns, upsertAll, type CsvRow, type ImportProblem } from '../../shared/importing';
import { parseCentavos, type Centavos } from '../../shared/money';
import { sourceAt } from '../../shared/provenance';
import { ProgramAccount } from '../entities/program-account.entity';
import { ramoByName } from './ramos';
import { compareWithStored, summarize, type ImportSummary } from '../../shared/import-summary';

/**
 * The Cuenta Pública files (lapanquecita/cuenta-publica, csv/<year>.csv) hold, per ente, ramo and program, a block of
 * consecutive rows sharing CICLO, ENTE, RAMO, SUBRAMO and PROGRAMA:
 *
 *   …,K027,Mantenimiento de Infraestructura,0.0,…   the program-name row: PRESUPUESTO is the name, amounts are 0
 *   …,K027,Aprobado,…,241000000.0,…                 approved
 *   …,K027,Modificado,…  …,K027,Devengado,…  …,K027,Ejercicio,…   modified, accrued, exercised
 *   …,K027,Porcentaje Ejer/Aprob,…  …,K027,Porcentaje Ejer/Modif,…   execution percentages
 *
 * PROGRAMA `TOTAL` blocks (no name row) are ente and ramo totals; they are checked but not stored. The figures are the
 * TOTAL column (current plus capital spending and the parts neither includes). For the executive, RAMO is the group
 * ("Ramos Administrativos", "Ramos Generales") and SUBRAMO the ramo; elsewhere RAMO is the ramo or body.
 */
const COLUMNS = ['ciclo', 'ente', 'ramo', 'subramo', 'programa', 'presupuesto', 'total'];

type Moment = 'approved' | 'modified' | 'accrued' | 'exercised';

/** Amount labels; the compilation writes *Ejercicio* for the exercised figure, the SHCP's own tables *Ejercido*. */
const AMOUNTS: Record<string, Moment> = {
  aprobado: 'approved',
  modificado: 'modified',
  devengado: 'accrued',
  ejercicio: 'exercised',
  ejercido: 'exercised',
};

/** Percentage labels: exercised as a percentage of approved, of modified. */
const PERCENTAGES: Record<string, Moment> = { 'porcentaje ejer/aprob': 'approved', 'porcentaje ejer/modif': 'modified' };

const MOMENT_LABELS: Record<Moment, string> = { approved: 'Aprobado', modified: 'Modificado', accrued: 'Devengado', exercised: 'Ejercicio' };

const KNOWN_LABELS = 'Aprobado, Modificado, Devengado, Ejercicio (or Ejercido), Porcentaje Ejer/Aprob, Porcentaje Ejer/Modif';

const PROGRAM = /^[A-Z]\d{3}$/;

export interface CuentaPublicaFileInput {
  file: string;
  /** Dataset id in data/datasets.json: `cuenta-publica`. */
  dataset: string;
}

export interface ParsedCuentaPublica {
  accounts: ProgramAccount[];
  problems: ImportProblem[];
}

/** Parses Cuenta Pública files (pure: nothing is written) into one account per program block. */
export function parseCuentaPublicaFiles(inputs: CuentaPublicaFileInput[]): ParsedCuentaPublica {
  const parsed: ParsedCuentaPublica = { accounts: [], problems: [] };
  for (const input of inputs) {
    const file = path.basename(input.file);
    const rows = collectProblems(parsed.problems, () => {
      const read = readCsv(input.file, file);
      requireColumns(file, read, COLUMNS);
      return read;
    });
    if (rows === null) continue;
    for (const block of blocksOf(rows)) {
      const account = parseBlock(input.dataset, file, block, parsed.problems);
      if (account) parsed.accounts.push(account);
    }
  }
  parsed.problems.push(...duplicateAccounts(parsed.accounts));
  return parsed;
}

function blocksOf(rows: CsvRow[]): CsvRow[][] {
  const key = (row: CsvRow) => COLUMNS.slice(0, 5).map((column) => row.values[column]).join('|');
  const blocks: CsvRow[][] = [];
  for (const row of rows) {
    const last = blocks[blocks.length - 1];
    if (last && key(last[0]) === key(row)) last.push(row);
    else blocks.push([row]);
  }
  return blocks;
}

function labelOf(row: CsvRow): string {
  return row.values.presupuesto.trim().toLowerCase();
}

const isFigure = (row: CsvRow) => labelOf(row) in AMOUNTS || labelOf(row) in PERCENTAGES;

function parseBlock(dataset: string, file: string, block: CsvRow[], problems: ImportProblem[]): ProgramAccount | null {
  const problem = (row: CsvRow, field: string, reason: string) =>
    problems.push({ file, row: row.line, field, value: row.values[field], reason });
  const [first] = block;
  const program = first.values.programa;
  const before = problems.length;

  if (program === '') {
    for (const row of block) problem(row, 'programa', 'is empty: an amount row without a program');
    return null;
  }
  const isTotal = program.toUpperCase() === 'TOTAL';
  if (!isTotal && isFigure(first)) {
    problem(first, 'programa', `an amount row without a program: no program-name row opens the rows of ${program}`);
    return null;
  }
  const figureRows = isTotal ? block : block.slice(1);
  const amounts = new Map<Moment, { value: Centavos; row: CsvRow }>();
  const percentages: { base: Moment; row: CsvRow }[] = [];
  for (const row of figureRows) {
    const label = labelOf(row);
    const moment = AMOUNTS[label];
    if (moment) {
      if (amounts.has(moment)) {
        problem(row, 'presupuesto', `repeats the ${MOMENT_LABELS[moment]} row of line ${amounts.get(moment)?.row.line}`);
        continue;
      }
      const value = parseCentavos(row.values.total);
      if (value === null) problem(row, 'total', 'is not an amount (digits, optional "-", at most two decimals)');
      else amounts.set(moment, { value, row });
    } else if (PERCENTAGES[label]) percentages.push({ base: PERCENTAGES[label], row });
    else problem(row, 'presupuesto', `is not a known PRESUPUESTO label (${KNOWN_LABELS})`);
  }
  for (const moment of Object.keys(MOMENT_LABELS) as Moment[]) {
    if (!amounts.has(moment) && !block.some((row) => AMOUNTS[labelOf(row)] === moment)) {
      problem(first, 'presupuesto', `the rows of ${program} have no ${MOMENT_LABELS[moment]} row`);
    }
  }
  const exercised = amounts.get('exercised')?.value;
  for (const { base, row } of percentages) {
    const denominator = amounts.get(base)?.value;
    if (exercised === undefined || denominator === undefined) continue;
    const reason = percentageProblem(row.values.total, exercised, denominator);
    if (reason) problem(row, 'total', reason);
  }
  if (isTotal) return null;

  const year = first.values.ciclo;
  if (!/^\d{4}$/.test(year)) problem(first, 'ciclo', 'is not a fiscal year (four digits)');
  if (!PROGRAM.test(program)) problem(first, 'programa', 'is not a program key as the account publishes it (modality letter and three digits, e.g. I005)');
  const ramoField = first.values.subramo !== '' ? 'subramo' : 'ramo';
  const ramoName = first.values[ramoField];
  const ramo = ramoByName(ramoName);
  if (!ramo) problem(first, ramoField, 'is not a federal ramo or body this importer knows (see importers/ramos.ts)');
  if (problems.length > before || !ramo) return null;

  const figure = (moment: Moment) => amounts.get(moment) as { value: Centavos; row: CsvRow };
  const account = new ProgramAccount();
  account.id = `${year}:${ramo.code}:${program}${ramo.body ? `@${ramoName}` : ''}`;
  account.fiscalYear = Number(year);
  account.entity = first.values.ente;
  account.ramoCode = ramo.code;
  account.ramoName = ramoName;
  account.ramoGroup = ramoField === 'subramo' ? first.values.ramo || null : null;
  account.programAsPublished = program;
  account.key = `${ramo.code}${program}`;
  account.programId = `${year}:${account.key}`;
  account.name = first.values.presupuesto;
  account.approved = figure('approved').value;
  account.modified = figure('modified').value;
  account.accrued = figure('accrued').value;
  account.exercised = figure('exercised').value;
  account.approvedLine = figure('approved').row.line;
  account.modifiedLine = figure('modified').row.line;
  account.accruedLine = figure('accrued').row.line;
  account.exercisedLine = figure('exercised').row.line;
  account.source = sourceAt(dataset, file, { row: first.line });
  return account;
}

const PERCENT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Checks an execution percentage against the block's amounts, exactly: |p·base − 100·exercised| must be within a
 * billionth of 100·exercised (the file prints percentages as binary floats, ~16 digits). The compilation writes 0
 * where the base is 0 and where the ratio exceeds 500 % (it does so in every year 2015–2023), so 0 is accepted there.
 * An empty cell states nothing and is not checked.
 */
function percentageProblem(text: string, exercised: Centavos, base: Centavos): string | null {
  if (text === '') return null;
  const match = PERCENT.exec(text);
  if (!match) return 'is not a percentage (a decimal number)';
  const [, minus, units, fraction = ''] = match;
  const scale = 10n ** BigInt(fraction.length);
  const magnitude = BigInt(units) * scale + BigInt(fraction || '0');
  const percent = minus ? -magnitude : magnitude;
  const abs = (value: bigint) => (value < 0n ? -value : value);
  if (percent === 0n && (base === 0n || abs(100n * exercised) > 500n * abs(base))) return null;
  if (base === 0n) return 'contradicts the amounts: the base of the percentage is 0';
  const expected = 100n * exercised * scale;
  if (abs(percent * base - expected) * 1_000_000_000n <= abs(expected)) return null;
  return `contradicts the amounts: exercised ${exercised} / base ${base} centavos is not ${text} %`;
}

function duplicateAccounts(accounts: ProgramAccount[]): ImportProblem[] {
  const seen = new Map<string, ProgramAccount>();
  const problems: ImportProblem[] = [];
  for (const account of accounts) {
    const first = seen.get(account.id);
    if (first) {
      problems.push({
        file: account.source.file,
        row: account.source.row ?? undefined,
        field: 'programa',
        value: account.programAsPublished,
        reason: `repeats the program account ${account.id} of ${first.source.file} line ${first.source.row}`,
      });
    } else seen.set(account.id, account);
  }
  return problems;
}

/** Validates every file first; only a clean set is written, in one transaction. */
export async function loadCuentaPublicaFiles(dataSource: DataSource, inputs: CuentaPublicaFileInput[]): Promise<ImportSummary> {
  const parsed = parseCuentaPublicaFiles(inputs);
  rejectIfProblems(parsed.problems);
  return inTransaction(dataSource, (manager) => writeCuentaPublica(manager, parsed));
}

export async function writeCuentaPublica(manager: EntityManager, parsed: ParsedCuentaPublica): Promise<ImportSummary> {
  const changes = await compareWithStored(manager, ProgramAccount, parsed.accounts);
  await upsertAll(manager, ProgramAccount, parsed.accounts);
  return summarize(changes);
}
