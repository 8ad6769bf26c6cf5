import fs from 'node:fs';
import path from 'node:path';
import { ImportError, readCsv, requireColumns, type CsvRow, type ImportProblem } from '../../shared/importing';

/**
 * Reads one CSV of an import, turning the kit's thrown ImportErrors (unreadable file, missing columns)
 * into collected problems so that one run reports every file's faults together.
 */
export function readCsvRows(directory: string, file: string, columns: string[], problems: ImportProblem[]): CsvRow[] {
  const fullPath = path.join(directory, file);
  if (!fs.existsSync(fullPath)) {
    problems.push({ file, reason: `file not found in ${directory}` });
    return [];
  }
  try {
    const rows = readCsv(fullPath, file);
    requireColumns(file, rows, columns);
    return rows;
  } catch (error) {
    if (error instanceof ImportError) {
      problems.push(...error.problems);
      return [];
    }
    throw error;
  }
}

/** Looks a source value up in a table of accepted spellings, recording a problem when it is not there. */
export function mapped<T>(
  value: string,
  table: ReadonlyMap<string, T>,
  problem: (reason: string) => void,
): T | null {
  const found = table.get(value.trim().normalize('NFC').toLowerCase());
  if (found === undefined) {
    problem(`is not one of ${[...table.keys()].map((key) => `"${key}"`).join(', ')}`);
    return null;
  }
  return found;
}
