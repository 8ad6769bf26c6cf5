import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SubgraphName } from '../../../common/config/subgraphs';
import type { ImportProblem } from './problems';

/** One input file: where it is, and the name the importers give it in problems and provenance. */
export interface InputFile {
  /** The path as the user gave it (or as a folder expanded to), for messages and the report. */
  path: string;
  /** The absolute path that is read. */
  absolute: string;
  /** The name problems and `source.file` use: usually the base name, sometimes a dataset-relative path. */
  displayName: string;
}

/** Rows of one entity that a load writes; `fileOf` names the input file a row comes from, for per-file counts. */
export interface Table<E extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<E>;
  /** Plural noun for the report, e.g. `budget lines`. */
  label: string;
  /**
   * Every row, in batches of at most KEYS_PER_SELECT. A table whose rows are too many to hold (a year of budget lines)
   * reads them again from its files at each call, so a caller goes through them once per call and keeps no batch.
   */
  batches(): Iterable<E[]>;
  /** Present for the rows a file's counts are made of (one per source row); absent for derived rows (programs, links). */
  fileOf?(row: E): string;
}

/** What a format's parse produced: rows to write, how to write them, and everything wrong with the input. */
export interface ParsedImport {
  /** Problems that stop the load (every problem, for all-or-nothing formats). */
  fatal: ImportProblem[];
  /** Problems of single rows that `--skip-rejected` may leave out (only formats that support it). */
  skippable: ImportProblem[];
  tables: Table[];
  write(manager: EntityManager): Promise<void>;
  /** Notes that do not stop the load, e.g. a dataset id data/datasets.json does not describe. */
  warnings: string[];
}

export interface ParseContext {
  /**
   * The subgraph's database, opened on first use (only formats that validate against stored rows need it): the CLI's
   * connection, or the start-up sample's transaction, where the rows of the sample's earlier formats are already written.
   */
  manager(): Promise<EntityManager>;
}

/** Read with kit readCsv (the header is the first record) or with a layout the format recognises itself. */
export interface CsvShape {
  kind: 'csv';
  /** The column names to write above rejected rows when the file has no header row of its own; null when it has one. */
  impliedHeader(firstRecord: string[]): string[] | null;
}

export interface JsonShape {
  kind: 'json';
  /** How many items (the unit problems' JSON paths point into) a file holds, or null when it cannot be read. */
  countItems(file: string): number | null;
  /** The part of a problem's JSON path that names its item, when items are not the top-level `$[i]` / `$.list[i]`. */
  itemPath?: RegExp;
}

export type ResolvedInputs = { files: InputFile[] } | { usage: string };

/**
 * What loading a format needs: its files from the paths given, and their rows. The start-up sample runs formats
 * through this alone (kit/import/sample.ts); one only the sample reads (the state list, OCDS buyers) is just this.
 */
export interface FormatLoad {
  name: string;
  subgraph: SubgraphName;
  /** Turns the path arguments (already checked to exist) into the files to read, or a usage problem. */
  resolve(paths: string[], cwd: string): ResolvedInputs;
  parse(files: InputFile[], context: ParseContext): Promise<ParsedImport>;
}

/** A format of the import CLI, described once beside its importer (`<subgraph>/importers/<format>.format.ts`). */
export interface FormatSpec extends FormatLoad {
  /** One line for the format list. */
  summary: string;
  /** The argument form, e.g. `<file.csv | folder>…`. */
  arguments: string;
  /** Help paragraphs: what is read, ids and datasets, how --max-errors and --skip-rejected apply. */
  help: string[];
  /** A real example command (paths relative to the project root). */
  example: string;
  shape: CsvShape | JsonShape;
  /** Several input files checked independently: --max-errors can stop between them. */
  independentFiles: boolean;
  /** CompraNet's skipRejectedRows: readable rows load, rejected ones are left out. */
  skipRejected: boolean;
}
