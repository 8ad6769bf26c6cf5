import type { CsvRow } from '../../../kit/import/csv-file';
import type { ImportProblem } from '../../../kit/import/problems';
import { outOfRange, type Money } from '../../../kit/money';
import { decimalsOf, parseAmount, percentageProblem } from './figures';
import { ramoByName } from './ramos';

export type Moment = 'approved' | 'modified' | 'accrued' | 'exercised';

export const MOMENTS: Moment[] = ['approved', 'modified', 'accrued', 'exercised'];

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

export const MOMENT_LABELS: Record<Moment, string> = {
  approved: 'Aprobado',
  modified: 'Modificado',
  accrued: 'Devengado',
  exercised: 'Ejercicio',
};

const KNOWN_LABELS = 'Aprobado, Modificado, Devengado, Ejercicio (or Ejercido), Porcentaje Ejer/Aprob, Porcentaje Ejer/Modif';

/**
 * A program key as the account publishes it: modality letter and three digits. The 2013 account also lists, with a
 * `1-` mark, 30 programs of Gobernación, Desarrollo Agrario, Territorial y Urbano and Desarrollo Social that have an
 * approved amount and nothing modified, accrued or exercised — by all appearances programs of the budget as passed that
 * the year's reorganisation of those ministries replaced; the mark keeps them apart from the same ramo's program of
 * that key, and the importer keeps it in the program key.
 */
export const PROGRAM = /^(?:1-)?[A-Z]\d{3}$/;

/** The columns that make a block: consecutive rows that share them are one program's (or one total's) figures. */
const KEY = ['ciclo', 'ente', 'ramo', 'subramo', 'programa'];

export interface Figure {
  value: Money;
  row: CsvRow;
}

/** One block of rows: a program's name row and figures, or a total's figures. */
export interface Block {
  file: string;
  rows: CsvRow[];
  first: CsvRow;
  program: string;
  /** A total (PROGRAMA `TOTAL`, or a body's totals published with the body's name under PROGRAMA) or a program. */
  kind: 'total' | 'program';
  /** The column that names the ramo or body: SUBRAMO for the executive from 2015, RAMO otherwise. */
  labelField: 'ramo' | 'subramo';
  /** The ramo or body as the block's rows name it; '' for the total of a whole ente. */
  label: string;
  /** For a body's totals published under PROGRAMA (2020: the Tribunal Electoral), that body's name. */
  namedTotal: string | null;
  /** A program's name row; null for a total, and for a program the file gives no name (see parseBlock). */
  nameRow: CsvRow | null;
  amounts: Map<Moment, Figure>;
  /** True when nothing is wrong with the block's own rows. */
  clean: boolean;
}

const labelOf = (row: CsvRow) => row.values.presupuesto.trim().toLowerCase();
const isFigure = (row: CsvRow) => labelOf(row) in AMOUNTS || labelOf(row) in PERCENTAGES;

export function blocksOf(rows: CsvRow[]): CsvRow[][] {
  const key = (row: CsvRow) => KEY.map((column) => row.values[column] ?? '').join('|');
  const blocks: CsvRow[][] = [];
  for (const row of rows) {
    const last = blocks[blocks.length - 1];
    if (last && key(last[0]) === key(row)) last.push(row);
    else blocks.push([row]);
  }
  return blocks;
}

/** The precision the file publishes its percentages at: the most decimals any of its percentage cells has. */
export function percentageDecimals(rows: CsvRow[]): number {
  let decimals = 0;
  for (const row of rows) {
    if (!(labelOf(row) in PERCENTAGES)) continue;
    decimals = Math.max(decimals, decimalsOf(row.values.total) ?? 0);
  }
  return decimals;
}

/** Reads one block's figures and checks them against each other; problems are recorded, the block returned when it has a program. */
export function parseBlock(file: string, rows: CsvRow[], decimals: number, problems: ImportProblem[]): Block | null {
  const problem = (row: CsvRow, field: string, reason: string) =>
    problems.push({ file, row: row.line, field, value: row.values[field], reason });
  const [first] = rows;
  const program = first.values.programa;
  const before = problems.length;

  if (program === '') {
    for (const row of rows) problem(row, 'programa', 'is empty: an amount row without a program');
    return null;
  }
  const labelField = (first.values.subramo ?? '') !== '' ? 'subramo' : 'ramo';
  const namedTotal = isFigure(first) && ramoByName(program)?.body ? program : null;
  const kind = program.toUpperCase() === 'TOTAL' || namedTotal ? 'total' : 'program';
  // The compilation drops a row whose PRESUPUESTO cell is empty, so a program the SHCP's sheet names with an empty
  // cell (2014: R034, R122, R123 and R124 of Provisiones Salariales y Económicas) has no name row: it is a program
  // without a name, not figures without a program.
  const nameRow = kind === 'program' && !isFigure(first) ? first : null;
  const figureRows = nameRow ? rows.slice(1) : rows;
  const amounts = new Map<Moment, Figure>();
  const percentages: { base: Moment; row: CsvRow }[] = [];
  for (const row of figureRows) {
    const label = labelOf(row);
    const moment = AMOUNTS[label];
    if (moment) {
      if (amounts.has(moment)) {
        problem(row, 'presupuesto', `repeats the ${MOMENT_LABELS[moment]} row of line ${amounts.get(moment)?.row.line}`);
        continue;
      }
      const value = parseAmount(row.values.total);
      const range = value === null ? null : outOfRange(value);
      if (value === null) problem(row, 'total', 'is not an amount in pesos (digits, optional "-", centavos)');
      else if (range) problem(row, 'total', range);
      else amounts.set(moment, { value, row });
    } else if (PERCENTAGES[label]) percentages.push({ base: PERCENTAGES[label], row });
    else problem(row, 'presupuesto', `is not a known PRESUPUESTO label (${KNOWN_LABELS})`);
  }
  for (const moment of MOMENTS) {
    if (!amounts.has(moment) && !rows.some((row) => AMOUNTS[labelOf(row)] === moment)) {
      problem(first, 'presupuesto', `the rows of ${program} have no ${MOMENT_LABELS[moment]} row`);
    }
  }
  const exercised = amounts.get('exercised')?.value;
  for (const { base, row } of percentages) {
    const denominator = amounts.get(base)?.value;
    if (exercised === undefined || denominator === undefined) continue;
    const reason = percentageProblem(row.values.total, exercised, denominator, MOMENT_LABELS[base], decimals);
    if (reason) problem(row, 'total', reason);
  }
  if (kind === 'program') {
    if (!/^\d{4}$/.test(first.values.ciclo)) problem(first, 'ciclo', 'is not a fiscal year (four digits)');
    if (!PROGRAM.test(program))
      problem(first, 'programa', 'is not a program key as the account publishes it (modality letter and three digits, e.g. I005)');
  }
  return {
    file,
    rows,
    first,
    program,
    kind,
    labelField,
    label: first.values[labelField],
    namedTotal,
    nameRow,
    amounts,
    clean: problems.length === before,
  };
}
