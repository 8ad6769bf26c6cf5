import { type Counts, noCounts, type StoredCounts } from '../../subgraphs/kit/import/import-summary';
import type { ImportProblem } from '../../subgraphs/kit/import/problems';
import type { SourceRows } from './source-rows';
import type { FormatSpec, InputFile, Table } from '../../subgraphs/kit/import/format';

export interface FileReport extends Counts {
  /** The path as given. */
  file: string;
  /** Data rows (CSV, header excluded) or items (JSON) in the file; null when it cannot be read. */
  rows: number | null;
  /** Rows (or JSON items) with at least one problem. */
  rejected: number;
  /** False for a file whose rows are merged into another file's (the commitment details): it has no counts of its own. */
  counted: boolean;
  /** What the counts count, e.g. `budget lines`. */
  unit: string | null;
}

export interface EntityReport extends Counts {
  entity: string;
}

export interface ImportReport {
  format: string;
  subgraph: string;
  /** CSV files count rows (the header excluded), JSON files count items (what problems' JSON paths point into). */
  input: 'csv' | 'json';
  /** Which database was (or would have been) written; null when it was never opened. */
  database: string | null;
  dryRun: boolean;
  /** True when the rows were written (false for a dry run, or when the input was rejected). */
  written: boolean;
  files: FileReport[];
  entities: EntityReport[];
  summary: Counts & { rejected: number };
  /** The problems found, in file and line order, each naming the file as given; cut to --max-errors when it was reached. */
  problems: ImportProblem[];
  /** All problems found, listed or not. */
  problemCount: number;
  /** --max-errors was reached: nothing was written, and `notRead` lists the files not checked. */
  stoppedEarly: boolean;
  notRead: string[];
  warnings: string[];
  rejectsFiles: string[];
  exitCode: number;
}

export interface CheckedFile {
  input: InputFile;
  /** The CSV as published, for counting rows and copying rejected ones; null for JSON or an unreadable file. */
  source: SourceRows | null;
}

const JSON_ITEM = /^\$(?:\.[A-Za-z_][\w]*)?\[\d+\]/;

/** What a problem rejects: a data row of a CSV, an item of a JSON file, or null for the file as a whole. */
export function rejectedUnit(problem: ImportProblem, file: CheckedFile | undefined, format: FormatSpec): string | null {
  if (format.shape.kind === 'json') return (format.shape.itemPath ?? JSON_ITEM).exec(problem.path ?? '')?.[0] ?? null;
  if (problem.row === undefined) return null;
  return file?.source && !file.source.startsAt(problem.row) ? null : String(problem.row);
}

/** Problems in the order of the inputs, then by line or path. */
export function sortProblems(problems: ImportProblem[], files: InputFile[]): ImportProblem[] {
  const order = new Map(files.map((file, i) => [file.displayName, i]));
  return [...problems].sort(
    (a, b) =>
      (order.get(a.file) ?? files.length) - (order.get(b.file) ?? files.length) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.path ?? '').localeCompare(b.path ?? '', 'en', { numeric: true }),
  );
}

export interface ReportInput {
  format: FormatSpec;
  files: CheckedFile[];
  problems: ImportProblem[];
  comparisons: Map<Table, StoredCounts> | null;
}

const KINDS = ['inserted', 'updated', 'unchanged'] as const;

/** Per-file and per-entity counts; a row counts for the file its table says it comes from. */
export function countFiles({ format, files, problems, comparisons }: ReportInput): { files: FileReport[]; entities: EntityReport[] } {
  const byName = new Map(files.map((file) => [file.input.displayName, file]));
  const reports = new Map<string, FileReport>(
    files.map(({ input, source }) => [
      input.displayName,
      {
        file: input.path,
        rows: source ? source.rows : format.shape.kind === 'json' ? format.shape.countItems(input.absolute) : null,
        ...noCounts(),
        rejected: 0,
        counted: false,
        unit: null,
      },
    ]),
  );
  const rejected = new Map<string, Set<string>>();
  for (const problem of problems) {
    const unit = rejectedUnit(problem, byName.get(problem.file), format);
    if (unit === null || !reports.has(problem.file)) continue;
    rejected.set(problem.file, (rejected.get(problem.file) ?? new Set()).add(unit));
  }
  for (const [file, units] of rejected) reports.get(file)!.rejected = units.size;

  const entities: EntityReport[] = [];
  for (const [table, counts] of comparisons ?? []) {
    entities.push({ entity: table.label, ...counts.totals });
    for (const [file, ofFile] of counts.byFile) {
      const report = reports.get(file);
      if (!report) continue;
      for (const kind of KINDS) report[kind] += ofFile[kind];
      if (report.counted) continue;
      report.counted = true;
      report.unit = table.label;
    }
  }
  return { files: [...reports.values()], entities };
}

export function totals(files: FileReport[]): Counts & { rejected: number } {
  return files.reduce(
    (sum, file) => ({
      inserted: sum.inserted + file.inserted,
      updated: sum.updated + file.updated,
      unchanged: sum.unchanged + file.unchanged,
      rejected: sum.rejected + file.rejected,
    }),
    { ...noCounts(), rejected: 0 },
  );
}
