import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ImportError, type ImportProblem } from './problems';
import type { CsvShape, ParsedImport, Table } from './format';

/** A CSV whose first record is its header row (every format read with the kit's readCsv). */
export const CSV_WITH_HEADER: CsvShape = { kind: 'csv', impliedHeader: () => null };

/** Runs an importer's parse that throws ImportError for a whole unreadable input, turning the throw into problems. */
export function caught<T>(problems: ImportProblem[], parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}

/** The result of a format that loads everything or nothing: every problem stops the load. */
export function allOrNothing(
  problems: ImportProblem[],
  tables: Table[],
  write: (manager: EntityManager) => Promise<unknown>,
  warnings: string[] = [],
): ParsedImport {
  return {
    fatal: problems,
    skippable: [],
    tables,
    write: async (manager) => {
      await write(manager);
    },
    warnings,
  };
}

/** Nothing to write: the input could not be read at all. */
export function unreadable(problems: ImportProblem[]): ParsedImport {
  return allOrNothing(problems, [], async () => undefined);
}

/** A table whose rows each name their file in `source.file`. */
export function bySource<E extends ObjectLiteral & { source: { file: string } }>(
  entity: EntityTarget<E>,
  label: string,
  rows: E[],
): Table<E> {
  return { entity, label, rows, fileOf: (row) => row.source.file };
}

/** A table of rows derived from others (programs, links, yearly figures): counted in total, not per file. */
export function derived<E extends ObjectLiteral>(entity: EntityTarget<E>, label: string, rows: E[]): Table<E> {
  return { entity, label, rows };
}

/** Help for formats whose files are independent: how --max-errors applies to them. */
export const MAX_ERRORS_BY_FILE =
  '--max-errors stops between files: a file is always checked whole, and the files after the one that reaches the limit are not read.';
