import fs from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { csvRecords } from './csv-records';
import { recordLoad, type LoadDescription } from './data-loads';
import { parseCentavos, type Centavos } from '../money';
import { refreshSearchIndex } from '../search';

/** One thing wrong with one input: the file, where in it (line or JSON path), the field, the value, why. */
export interface ImportProblem {
  file: string;
  row?: number;
  path?: string;
  field?: string;
  value?: string;
  reason: string;
}

export function describeProblem(problem: ImportProblem): string {
  const where = [problem.file, problem.row !== undefined ? `line ${problem.row}` : problem.path].filter(Boolean).join(', ');
  const what = problem.field ? ` field "${problem.field}"${problem.value !== undefined ? ` = "${problem.value}"` : ''}` : '';
  return `${where}:${what} ${problem.reason}`;
}

/** Thrown when an input cannot be loaded; nothing has been written when it is raised. */
export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  - ${describeProblem(p)}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super(`Import rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`);
    this.name = 'ImportError';
  }
}

const MAX_FILE_BYTES = 400 * 2 ** 20;

/**
 * Reads a text file the way public data really arrives: UTF-8 with or without a byte-order mark, or
 * Latin-1 (Windows exports) when the bytes are not valid UTF-8.
 */
export function readText(file: string, displayName = path.basename(file)): { text: string; encoding: 'utf-8' | 'latin1' } {
  // Files are read whole, and V8 cannot hold a string much over 512 MiB: refuse clearly instead of crashing.
  const size = fs.statSync(file).size;
  if (size > MAX_FILE_BYTES) {
    throw new ImportError([
      {
        file: displayName,
        reason: `is ${Math.round(size / 2 ** 20)} MiB; files over ${MAX_FILE_BYTES / 2 ** 20} MiB must be split (for example by year or by ramo)`,
      },
    ]);
  }
  const bytes = fs.readFileSync(file);
  const notText = notTextReason(bytes);
  if (notText) throw new ImportError([{ file: displayName, reason: notText }]);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
  }
}

/**
 * Every byte sequence is valid Latin-1, so a file in another encoding would load as garbage: the mistakes people really
 * make (a spreadsheet saved as is, a UTF-16 export from Excel, a binary file) are recognised and named instead.
 */
function notTextReason(bytes: Buffer): string | null {
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')))
    return 'is a spreadsheet or ZIP archive, not a text file: export it as CSV (or extract the JSON), in UTF-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return 'is encoded in UTF-16: save it as UTF-8 (or Latin-1)';
  if (bytes.includes(0)) return 'is not a text file (it contains NUL bytes): save it as UTF-8 or Latin-1 text';
  return null;
}

export interface CsvRow {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/**
 * Parses a CSV file with a header row into records keyed by lower-cased header names; a malformed file
 * (unclosed quote, broken quoting, a row with the wrong number of fields) is one problem naming the first bad line.
 */
export function readCsv(file: string, displayName = path.basename(file)): CsvRow[] {
  const rows: CsvRow[] = [];
  eachCsvRow(file, displayName, [], (row) => rows.push(row));
  return rows;
}

/**
 * Reads a CSV file as readCsv does, handing its data rows over one at a time instead of all together, so that a large
 * file's rows need not all be in memory at once, and checks that the header has `columns`. It throws what readCsv
 * throws, and may do so after visiting the rows before the bad line: the caller then drops what it built from them.
 */
export function eachCsvRow(file: string, displayName: string, columns: string[], visit: (row: CsvRow) => void): void {
  if (!fs.existsSync(file)) throw new ImportError([{ file: displayName, reason: 'the file does not exist' }]);
  const invalid = (row: number, reason: string) => new ImportError([{ file: displayName, row, reason: `not a valid CSV file: ${reason}` }]);
  let header: string[] | null = null;
  let first = true;
  for (const record of csvRecords(readText(file, displayName).text)) {
    if ('reason' in record) throw invalid(record.line, record.reason);
    if (header === null) {
      header = record.fields.map((name) => name.trim().toLowerCase());
      continue;
    }
    const { line, fields } = record;
    if (fields.length !== header.length)
      throw invalid(line, `${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${header.length}`);
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i += 1) values[header[i]] = fields[i].trim();
    const row = { line, values };
    if (first) requireColumns(displayName, [row], columns);
    first = false;
    visit(row);
  }
  if (header === null) throw new ImportError([{ file: displayName, reason: 'the file is empty' }]);
}

/**
 * Runs a reader that rejects a whole file (missing, malformed, wrong header) and records its problems
 * instead, so that one run reports the faults of every file together.
 */
export function collectProblems<T>(problems: ImportProblem[], read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}

/** Reads a CSV and checks its header, recording problems instead of throwing; a rejected file reads as no rows. */
export function readCsvCollecting(file: string, columns: string[], problems: ImportProblem[], displayName = path.basename(file)): CsvRow[] {
  return (
    collectProblems(problems, () => {
      const rows = readCsv(file, displayName);
      requireColumns(displayName, rows, columns);
      return rows;
    }) ?? []
  );
}

export function rejectIfProblems(problems: ImportProblem[]): void {
  if (problems.length > 0) throw new ImportError(problems);
}

/** Checks that a CSV header carries the columns an importer needs, listing every missing one. */
export function requireColumns(file: string, rows: CsvRow[], columns: string[]): void {
  const present = new Set(Object.keys(rows[0]?.values ?? {}));
  const missing = columns.filter((column) => !present.has(column));
  if (rows.length > 0 && missing.length > 0) {
    throw new ImportError(missing.map((field) => ({ file, row: 1, field, reason: 'required column is missing from the header' })));
  }
}

/**
 * Typed access to one CSV record that collects problems instead of throwing, so an import reports every
 * bad row and field at once.
 */
export class RowReader {
  constructor(
    private readonly file: string,
    private readonly row: CsvRow,
    private readonly problems: ImportProblem[],
  ) {}

  private problem(field: string, reason: string): void {
    this.problems.push({ file: this.file, row: this.row.line, field, value: this.row.values[field], reason });
  }

  optionalText(field: string): string | null {
    const value = this.row.values[field];
    return value === undefined || value === '' ? null : value;
  }

  text(field: string): string {
    const value = this.optionalText(field);
    if (value === null) this.problem(field, 'is required');
    return value ?? '';
  }

  optionalMoney(field: string): Centavos | null {
    const value = this.optionalText(field);
    if (value === null) return null;
    const parsed = parseCentavos(value);
    if (parsed === null) this.problem(field, 'is not an amount (digits, optional "-", at most two decimals)');
    return parsed;
  }

  integer(field: string): number {
    const value = this.text(field);
    if (value !== '' && !/^-?\d+$/.test(value)) this.problem(field, 'is not a whole number');
    return Number(value);
  }

  optionalDate(field: string): string | null {
    const value = this.optionalText(field);
    if (value !== null && !isIsoDate(value)) this.problem(field, 'is not a date (YYYY-MM-DD)');
    return value;
  }
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Rows whose stable id occurs more than once in one input are problems too: a re-import must not guess. */
export function duplicateIdProblems<T>(file: string, items: T[], idOf: (item: T) => string, rowOf: (item: T) => number | undefined) {
  const seen = new Map<string, number | undefined>();
  const problems: ImportProblem[] = [];
  for (const item of items) {
    const id = idOf(item);
    if (seen.has(id)) {
      problems.push({ file, row: rowOf(item), field: 'id', value: id, reason: `duplicates the row at line ${seen.get(id)}` });
    } else seen.set(id, rowOf(item));
  }
  return problems;
}

export { upsertAll } from './bulk-write';

/** Runs a load in one transaction: it lands whole or not at all, with the search rows refreshed from what it wrote. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const result = await work(manager);
    await refreshSearchIndex(manager);
    return result;
  });
}

/**
 * The shape of every import: everything parsed and validated first, then, only if no input has a problem,
 * written in one transaction — a bad row anywhere leaves the database exactly as it was. A described load is
 * recorded in that transaction.
 */
export async function loadAllOrNothing(
  dataSource: DataSource,
  parsed: { problems: ImportProblem[] }[],
  write: (manager: EntityManager) => Promise<void>,
  load?: LoadDescription,
): Promise<void> {
  rejectIfProblems(parsed.flatMap((input) => input.problems));
  await inTransaction(dataSource, async (manager) => {
    await write(manager);
    if (load) await recordLoad(manager, load);
  });
}
