import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { collectProblems, ImportError, type ImportProblem } from '../../kit/import/problems';
import { csvRows, type CsvRow } from '../../kit/import/csv-file';
import { RepeatedKeys } from '../../kit/import/repeated-keys';
import { RowReader } from '../../kit/import/row-reader';
import { KEYS_PER_SELECT, upsertAll, Upsert } from '../../kit/import/bulk-write';
import { withIndexesRebuilt } from '../../kit/import/bulk-indexes';
import { formatMoney, MONEY_MAX } from '../../kit/money';
import { sourceAt } from '../../kit/provenance';
import { stateById } from '../../kit/states';
import { budgetProgramId, programKey, ramoId, responsibleUnitId } from '../../kit/ids';
import { BudgetLine } from '../entities/budget-line.entity';
import { refreshSpendingRollups, RollupOverflow, type OverflowingCell } from '../queries/spending-rollups.query';
import { PROGRAM_COLUMNS } from '../queries/spending-dimensions.query';
import { BudgetProgram } from '../entities/budget-program.entity';

/** The 39 columns of the SHCP open budget file (OFDP), as defined in data/shcp-pef/diccionario.xlsx. */
export const OFDP_COLUMNS = [
  'ciclo',
  'desc_ai',
  'desc_capitulo',
  'desc_concepto',
  'desc_ff',
  'desc_funcion',
  'desc_gpo_funcional',
  'desc_modalidad',
  'desc_partida_especifica',
  'desc_partida_generica',
  'desc_pp',
  'desc_ramo',
  'desc_subfuncion',
  'desc_tipogasto',
  'desc_ur',
  'entidad_federativa',
  'gpo_funcional',
  'id_ai',
  'id_capitulo',
  'id_clave_cartera',
  'id_concepto',
  'id_entidad_federativa',
  'id_ff',
  'id_funcion',
  'id_modalidad',
  'id_partida_especifica',
  'id_partida_generica',
  'id_pp',
  'id_ramo',
  'id_subfuncion',
  'id_tipogasto',
  'id_ur',
  'monto_adefas',
  'monto_aprobado',
  'monto_devengado',
  'monto_ejercicio',
  'monto_ejercido',
  'monto_modificado',
  'monto_pagado',
];

/** Geographic codes beyond the 32 states: lines that belong to no state. */
const NOT_A_STATE: Record<number, string> = { 33: 'abroad', 34: 'not geographically distributable' };

export interface BudgetFileInput {
  file: string;
  /** Dataset id in data/datasets.json, e.g. `shcp-pef-2018-sample`. */
  dataset: string;
}

export interface ParsedBudget {
  /**
   * Every line, in batches of KEYS_PER_SELECT, parsed again from the files at each call: a decade of the PEF is millions
   * of lines, too many to hold. Throws ImportError if a file no longer reads as it did when it was checked.
   */
  lines(): Iterable<BudgetLine[]>;
  lineCount: number;
  programs: BudgetProgram[];
  problems: ImportProblem[];
}

/**
 * Parses and checks the OFDP files (nothing is written), reading each as a stream: what outlives a row is its key's
 * hash (to find keys repeated across the files) and the programs it names, so memory does not grow with the files.
 */
export function parseBudgetFiles(inputs: BudgetFileInput[]): ParsedBudget {
  const problems: ImportProblem[] = [];
  const keys = new RepeatedKeys();
  const programs = new Map<string, BudgetProgram>();
  const readable: BudgetFileInput[] = [];
  let lineCount = 0;
  for (const input of inputs) {
    const name = path.basename(input.file);
    // A file found malformed part-way is dropped whole, with only its own problem, as if it had been rejected before
    // any row was read: its rows' problems and programs are kept aside until it has been read to the end.
    const fileProblems: ImportProblem[] = [];
    const filePrograms = new Map<string, BudgetProgram>();
    let fileLines = 0;
    const read = collectProblems(problems, () => {
      for (const row of csvRows(input.file, name, OFDP_COLUMNS)) {
        const { line, program } = parseLine(name, input.dataset, row, fileProblems);
        keys.add(line.id);
        checkProgram(programs, filePrograms, program, fileProblems);
        fileLines += 1;
      }
      return true;
    });
    if (!read) continue;
    readable.push(input);
    lineCount += fileLines;
    for (const problem of fileProblems) problems.push(problem);
    for (const [id, program] of filePrograms) programs.set(id, program);
  }
  const lines = () => linesOf(readable, true);
  if (keys.suspects.size > 0) problems.push(...repeatedKeyProblems(linesOf(readable, false), keys));
  return { lines, lineCount, programs: [...programs.values()], problems };
}

/**
 * The lines of files already checked, parsed again, in batches. `clean`: the check found no problem, so a problem now
 * means that a file changed since.
 */
function* linesOf(inputs: BudgetFileInput[], clean: boolean): Generator<BudgetLine[]> {
  let batch: BudgetLine[] = [];
  for (const input of inputs) {
    const name = path.basename(input.file);
    const problems: ImportProblem[] = [];
    for (const row of csvRows(input.file, name, OFDP_COLUMNS)) {
      batch.push(parseLine(name, input.dataset, row, problems).line);
      if (clean && problems.length > 0)
        throw new ImportError([{ file: name, row: row.line, reason: 'the file changed while it was being imported: import it again' }]);
      if (batch.length === KEYS_PER_SELECT) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

interface ParsedRow {
  line: BudgetLine;
  program: BudgetProgram;
}

function parseLine(file: string, dataset: string, row: CsvRow, problems: ImportProblem[]): ParsedRow {
  const read = new RowReader(file, row, problems);
  const check = (field: string, pattern: RegExp, reason: string): string => {
    const value = read.text(field);
    if (value !== '' && !pattern.test(value)) problems.push({ file, row: row.line, field, value, reason });
    return value;
  };
  const year = Number(check('ciclo', /^\d{4}$/, 'is not a fiscal year (four digits)'));
  const ramo = check('id_ramo', /^\d{1,2}$/, 'is not a ramo code (one or two digits)').padStart(2, '0');
  const modality = check('id_modalidad', /^[A-Z]$/, 'is not a program modality (one capital letter)');
  const program = check('id_pp', /^\d{1,3}$/, 'is not a program number (up to three digits)').padStart(3, '0');
  const unit = check('id_ur', /^[0-9A-Z]{1,4}$/, 'is not a responsible-unit code');
  const geographyCode = Number(check('id_entidad_federativa', /^\d{1,2}$/, 'is not a state code (1–34)'));
  if (geographyCode < 1 || geographyCode > 34) {
    problems.push({
      file,
      row: row.line,
      field: 'id_entidad_federativa',
      value: row.values.id_entidad_federativa,
      reason: 'is not a state code (1–34)',
    });
  }
  const state = geographyCode <= 32 ? stateById(geographyCode) : undefined;

  const line = new BudgetLine();
  line.fiscalYear = year;
  line.programId = budgetProgramId(year, programKey(ramo, modality, program));
  line.ramoCode = ramo;
  line.ramoInstitutionId = ramoId(ramo);
  line.institutionId = responsibleUnitId(ramo, unit);
  line.unitCode = unit;
  line.unitName = read.text('desc_ur');
  line.stateId = state?.id ?? null;
  line.geography = NOT_A_STATE[geographyCode]
    ? `${read.text('entidad_federativa')} (${NOT_A_STATE[geographyCode]})`
    : read.text('entidad_federativa');
  line.functionalGroupCode = read.text('gpo_funcional');
  line.functionalGroupName = read.text('desc_gpo_funcional');
  line.functionCode = read.text('id_funcion');
  line.functionName = read.text('desc_funcion');
  line.subfunctionCode = read.text('id_subfuncion');
  line.subfunctionName = read.text('desc_subfuncion');
  line.activityCode = read.text('id_ai');
  line.activityName = read.text('desc_ai');
  Object.assign(line, objectOfExpenditure(read));
  line.fundingSourceCode = read.text('id_ff');
  line.fundingSourceName = read.text('desc_ff');
  line.expenseTypeCode = read.text('id_tipogasto');
  line.expenseTypeName = read.text('desc_tipogasto');
  line.portfolioKey = read.text('id_clave_cartera');
  line.approved = read.optionalMoney('monto_aprobado');
  line.modified = read.optionalMoney('monto_modificado');
  // The OFDP file has no *comprometido* column.
  line.committed = null;
  line.accrued = read.optionalMoney('monto_devengado');
  line.exercise = read.optionalMoney('monto_ejercicio');
  line.exercised = read.optionalMoney('monto_ejercido') ?? line.exercise;
  line.paid = read.optionalMoney('monto_pagado');
  line.adefas = read.optionalMoney('monto_adefas');
  line.source = sourceAt(dataset, file, { row: row.line });

  const classifiers = [
    'id_ramo',
    'id_ur',
    'gpo_funcional',
    'id_funcion',
    'id_subfuncion',
    'id_ai',
    'id_modalidad',
    'id_pp',
    'id_capitulo',
    'id_concepto',
    'id_partida_generica',
    'id_partida_especifica',
    'id_tipogasto',
    'id_ff',
    'id_entidad_federativa',
    'id_clave_cartera',
  ].map((field) => (field === 'id_ramo' ? ramo : field === 'id_pp' ? program : (read.optionalText(field) ?? '')));
  line.id = `${year}:${classifiers.join('.')}`;

  const budgetProgram = new BudgetProgram();
  budgetProgram.id = line.programId;
  budgetProgram.fiscalYear = year;
  budgetProgram.key = programKey(ramo, modality, program);
  budgetProgram.name = read.text('desc_pp');
  budgetProgram.ramoCode = ramo;
  budgetProgram.ramoName = read.text('desc_ramo');
  budgetProgram.modalityCode = modality;
  budgetProgram.modalityName = read.text('desc_modalidad');
  budgetProgram.source = sourceAt(dataset, file, { row: row.line });
  return { line, program: budgetProgram };
}

type ObjectColumns = Pick<
  BudgetLine,
  | 'chapterCode'
  | 'chapterName'
  | 'conceptCode'
  | 'conceptName'
  | 'genericItemCode'
  | 'genericItemName'
  | 'specificItemCode'
  | 'specificItemName'
>;

/**
 * The four levels of the object of expenditure. The 2017 file leaves chapter and both items empty and puts the
 * five-digit specific item (e.g. 37901) and its name in the concept columns; the higher levels are then the
 * leading digits of that code (the classifier's own rule), with no published name.
 */
function objectOfExpenditure(read: RowReader): ObjectColumns {
  const concept = read.optionalText('id_concepto');
  const specificInConcept = read.optionalText('id_partida_especifica') === null && concept !== null && /^\d{5}$/.test(concept);
  const specific = specificInConcept ? concept : read.optionalText('id_partida_especifica');
  const derived = (digits: number, pad: number) =>
    specific && /^\d{5}$/.test(specific) ? specific.slice(0, digits).padEnd(pad, '0') : null;
  return {
    chapterCode: read.optionalText('id_capitulo') ?? derived(1, 4),
    chapterName: read.optionalText('desc_capitulo'),
    conceptCode: specificInConcept ? derived(2, 4) : concept,
    conceptName: specificInConcept ? null : read.optionalText('desc_concepto'),
    genericItemCode: read.optionalText('id_partida_generica') ?? derived(3, 3),
    genericItemName: read.optionalText('desc_partida_generica'),
    specificItemCode: specific,
    specificItemName: specificInConcept ? read.optionalText('desc_concepto') : read.optionalText('desc_partida_especifica'),
  };
}

/**
 * The same full budget key twice (in one file or across files) would make the line id ambiguous. Only the keys whose
 * hash was seen twice are held, and compared exactly.
 */
function repeatedKeyProblems(batches: Iterable<BudgetLine[]>, keys: RepeatedKeys): ImportProblem[] {
  const seen = new Map<string, BudgetLine['source']>();
  const problems: ImportProblem[] = [];
  for (const batch of batches) {
    for (const line of batch) {
      if (!keys.isSuspect(line.id)) continue;
      const first = seen.get(line.id);
      if (first) {
        problems.push({
          file: line.source.file,
          row: line.source.row ?? undefined,
          field: 'id',
          value: line.id,
          reason: `repeats the budget key of ${first.file} line ${first.row}`,
        });
      } else seen.set(line.id, line.source);
    }
  }
  return problems;
}

/**
 * One program per program id, described by its first line (in the files before, `known`, or in this one, `ofFile`); a
 * later line naming it differently is a problem.
 */
function checkProgram(
  known: Map<string, BudgetProgram>,
  ofFile: Map<string, BudgetProgram>,
  program: BudgetProgram,
  problems: ImportProblem[],
): void {
  const first = known.get(program.id) ?? ofFile.get(program.id);
  if (!first) ofFile.set(program.id, program);
  else if (first.name !== program.name) {
    problems.push({
      file: program.source.file,
      row: program.source.row ?? undefined,
      field: 'desc_pp',
      value: program.name,
      reason: `names program ${program.id} differently from line ${first.source.row} ("${first.name}")`,
    });
  }
}

/**
 * Writes parsed budget lines and their programs inside the caller's transaction (idempotent upserts by id), and
 * rebuilds in the same transaction the spending rollups of the fiscal years whose lines or programs it changed (a
 * year loaded again unchanged keeps its cells untouched). Lines whose sum in some rollup cell is beyond what storage
 * holds reject the load (the transaction rolls back) with a problem per cell.
 */
export async function writeBudget(manager: EntityManager, parsed: ParsedBudget): Promise<void> {
  const changedYears = new Set<number>();
  for (const row of await upsertAll(manager, BudgetProgram, parsed.programs)) changedYears.add(row.fiscalYear);
  // A load at least as large as what is stored (a first load, a year as large as all before it) is staged and merged in
  // key order, and rebuilds the line indexes after writing, in time proportional to the load; a smaller one keeps them
  // up to date as it writes.
  const large = parsed.lineCount > 0 && parsed.lineCount >= (await manager.getRepository(BudgetLine).count());
  const writeLines = async () => {
    const upsert = new Upsert(manager, BudgetLine, { total: parsed.lineCount, staged: large });
    for (const batch of parsed.lines()) for (const row of await upsert.add(batch)) changedYears.add(row.fiscalYear);
    await upsert.finish();
  };
  if (large) await withIndexesRebuilt(manager, BudgetLine, writeLines);
  else await writeLines();
  try {
    await refreshSpendingRollups(manager, [...changedYears]);
  } catch (error) {
    if (error instanceof RollupOverflow) throw new ImportError(overflowProblems(error, parsed));
    throw error;
  }
}

/** The file's column each summed moment is read from. */
function momentField(moment: OverflowingCell['moment'], line: BudgetLine): string {
  if (moment === 'exercised') return line.exercise !== null && line.exercised === line.exercise ? 'monto_ejercicio' : 'monto_ejercido';
  return {
    approved: 'monto_aprobado',
    modified: 'monto_modificado',
    committed: 'monto_comprometido',
    accrued: 'monto_devengado',
    paid: 'monto_pagado',
  }[moment];
}

/**
 * One problem per overflowing cell, at the line of this load that pushes its sum furthest that way (the cell may also
 * sum lines stored before, of the same fiscal year); the reason names the group, so the publisher sees which figures
 * add up too far.
 */
function overflowProblems(overflow: RollupOverflow, parsed: ParsedBudget): ImportProblem[] {
  const programs = new Map(parsed.programs.map((program) => [program.id, program]));
  const columnOf = (line: BudgetLine, column: string): string | null => {
    const holder: object | undefined = PROGRAM_COLUMNS.has(column) ? programs.get(line.programId) : line;
    const value = (holder as Record<string, unknown> | undefined)?.[column];
    return value === null || value === undefined ? null : String(value);
  };
  const group = overflow.grouping.length === 0 ? '' : ` by ${overflow.grouping.join(' × ')}`;
  // The lines pushing each cell furthest, found in one more pass over the files.
  const furthest = overflow.cells.map((): BudgetLine | undefined => undefined);
  let firstFile: string | undefined;
  for (const batch of parsed.lines()) {
    firstFile ??= batch[0]?.source.file;
    for (const candidate of batch) {
      overflow.cells.forEach((cell, i) => {
        const amount = candidate[cell.moment];
        if (amount === null || candidate.fiscalYear !== cell.fiscalYear) return;
        if (!Object.entries(cell.keys).every(([column, value]) => columnOf(candidate, column) === value)) return;
        const sign = cell.sum < 0n ? -1n : 1n;
        const line = furthest[i];
        if (!line || amount * sign > (line[cell.moment] as bigint) * sign) furthest[i] = candidate;
      });
    }
  }
  return overflow.cells.map((cell, i) => {
    const line = furthest[i];
    const keys = Object.entries(cell.keys)
      .map(([column, value]) => `${column} ${value ?? 'null'}`)
      .join(', ');
    const reason =
      `takes the sum of ${cell.moment} over fiscal year ${cell.fiscalYear}${group}${keys ? ` (${keys})` : ''} to ` +
      `${formatMoney(cell.sum)}, beyond the ${formatMoney(MONEY_MAX)} either way that a pre-summed aggregate cell holds exactly`;
    if (!line) return { file: firstFile ?? '', reason };
    const value = line[cell.moment];
    return {
      file: line.source.file,
      row: line.source.row ?? undefined,
      field: momentField(cell.moment, line),
      value: value === null ? undefined : formatMoney(value),
      reason,
    };
  });
}
