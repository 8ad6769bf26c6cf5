import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ImportError, type ImportProblem } from './problems';
import type { CsvShape, FormatSpec, InputFile, ParsedImport, Table } from './format';
import { manyFiles, oneFile } from './inputs';
import { keyBatches } from './bulk-write';

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

/** What a format that loads everything or nothing says of itself, and how it reads its files and writes what it found. */
export interface AllOrNothingFormat<P extends { problems: ImportProblem[] }>
  extends Pick<FormatSpec, 'name' | 'subgraph' | 'summary' | 'arguments' | 'help' | 'example'> {
  /** A CSV with a header row unless given. */
  shape?: FormatSpec['shape'];
  /** Any number of files with this extension (a folder stands for its files), checked one by one; one file unless given. */
  filesOf?: string;
  read(files: InputFile[]): P;
  tables(parsed: P, files: InputFile[]): Table[];
  write(manager: EntityManager, parsed: P): Promise<unknown>;
  /** What the user should know though the load goes on (dataset ids the catalogue lacks, corrected rows). */
  warnings?(parsed: P): string[];
}

/** A format that loads everything or nothing: every problem stops the load. */
export function allOrNothingFormat<P extends { problems: ImportProblem[] }>(format: AllOrNothingFormat<P>): FormatSpec {
  const { read, tables, write, warnings, shape, filesOf, ...described } = format;
  return {
    ...described,
    shape: shape ?? CSV_WITH_HEADER,
    independentFiles: filesOf !== undefined,
    skipRejected: false,
    resolve: (paths, cwd) => (filesOf === undefined ? oneFile(paths, cwd) : manyFiles(paths, cwd, filesOf)),
    async parse(files) {
      const parsed = read(files);
      return allOrNothing(parsed.problems, tables(parsed, files), (manager) => write(manager, parsed), warnings?.(parsed));
    },
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
  return streamed(entity, label, () => keyBatches(rows));
}

/** A table of rows that each name their file in `source.file`, read again from the files (in batches) at each call. */
export function streamed<E extends ObjectLiteral & { source: { file: string } }>(
  entity: EntityTarget<E>,
  label: string,
  batches: () => Iterable<E[]>,
): Table<E> {
  return { entity, label, batches, fileOf: (row) => row.source.file };
}

/** A table of rows derived from others (programs, links, yearly figures): counted in total, not per file. */
export function derived<E extends ObjectLiteral>(entity: EntityTarget<E>, label: string, rows: E[]): Table<E> {
  return { entity, label, batches: () => keyBatches(rows) };
}

/** A table whose rows all come from one file, whatever their own provenance names. */
export function fromFile<E extends ObjectLiteral>(entity: EntityTarget<E>, label: string, rows: E[], file: InputFile): Table<E> {
  return { entity, label, batches: () => keyBatches(rows), fileOf: () => file.displayName };
}

/** Help for formats whose files are independent: how --max-errors applies to them. */
export const MAX_ERRORS_BY_FILE =
  '--max-errors stops between files: a file is always checked whole, and the files after the one that reaches the limit are not read.';
