import fs from 'node:fs';
import path from 'node:path';
import { csvRecords } from './csv-records';
import { collectProblems, ImportError, type ImportProblem } from './problems';
import { textChunks } from './text-file';

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
  return [...csvRows(file, displayName, [])];
}

/**
 * Reads a CSV file as readCsv does, handing its data rows over one at a time instead of all together, so that neither a
 * large file's rows nor its text are ever all in memory (no limit on its size), and checks that the header has
 * `columns`. It throws what readCsv throws, and may do so after handing over the rows before the bad line: the caller
 * then drops what it built from them.
 */
export function* csvRows(file: string, displayName: string, columns: string[]): Generator<CsvRow> {
  if (!fs.existsSync(file)) throw new ImportError([{ file: displayName, reason: 'the file does not exist' }]);
  const invalid = (row: number, reason: string) => new ImportError([{ file: displayName, row, reason: `not a valid CSV file: ${reason}` }]);
  let header: string[] | null = null;
  let first = true;
  for (const record of csvRecords(textChunks(file, displayName))) {
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
    yield row;
  }
  if (header === null) throw new ImportError([{ file: displayName, reason: 'the file is empty' }]);
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

/** Checks that a CSV header carries the columns an importer needs, listing every missing one. */
export function requireColumns(file: string, rows: CsvRow[], columns: string[]): void {
  const present = new Set(Object.keys(rows[0]?.values ?? {}));
  const missing = columns.filter((column) => !present.has(column));
  if (rows.length > 0 && missing.length > 0) {
    throw new ImportError(missing.map((field) => ({ file, row: 1, field, reason: 'required column is missing from the header' })));
  }
}
