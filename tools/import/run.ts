import type { DataSource, EntityManager } from 'typeorm';
import type { SubgraphConfig } from '../../subgraphs/kit/config';
import type { StoredCounts } from '../../subgraphs/kit/import/import-summary';
import { ImportError, type ImportProblem } from '../../subgraphs/kit/import/problems';
import type { RunOptions } from './args';
import { announceLoad } from '../../subgraphs/kit/import/announce-load';
import { namesInProvenance, recordLoad, type LoadDescription } from '../../subgraphs/kit/import/data-loads';
import { countAgainstStored } from '../../subgraphs/kit/import/import-summary';
import { followWrites, type WriteProgress } from '../../subgraphs/kit/import/write-progress';
import { refreshStatistics } from '../../subgraphs/kit/import/statistics';
import { refreshSearchIndex } from '../../subgraphs/kit/search';
import { openImportDatabase, type ImportDatabase } from './database';
import { writeRejects } from './rejects';
import { countFiles, sortProblems, totals, type CheckedFile, type FileReport, type ImportReport } from './report';
import { readSourceRows } from './source-rows';
import type { FormatSpec, InputFile, ParseContext, ParsedImport, Table } from '../../subgraphs/kit/import/format';

interface Checked {
  /** The parse of every file together; null when --max-errors stopped the check between files. */
  parsed: ParsedImport | null;
  problems: ImportProblem[];
  read: InputFile[];
  notRead: InputFile[];
  limitReached: boolean;
}

/**
 * Checks the files. With --max-errors and a format whose files are independent, each file is first checked alone so
 * that the check can stop between files; if the limit is not reached, they are then parsed together, which adds the
 * checks across files (the same budget line in two files).
 */
async function check(
  format: FormatSpec,
  files: InputFile[],
  maxErrors: number | null,
  context: ParseContext,
  progress: (line: string) => void,
): Promise<Checked> {
  if (maxErrors !== null && format.independentFiles && files.length > 1) {
    const found: ImportProblem[] = [];
    for (const [i, file] of files.entries()) {
      progress(`[${i + 1}/${files.length}] checking ${file.path}`);
      const alone = await format.parse([file], context);
      found.push(...alone.fatal, ...alone.skippable);
      if (found.length >= maxErrors)
        return { parsed: null, problems: found, read: files.slice(0, i + 1), notRead: files.slice(i + 1), limitReached: true };
    }
  }
  progress(`checking ${files.length === 1 ? files[0].path : `${files.length} files`}`);
  const parsed = await format.parse(files, context);
  const problems = [...parsed.fatal, ...parsed.skippable];
  return { parsed, problems, read: files, notRead: [], limitReached: maxErrors !== null && problems.length >= maxErrors };
}

class DryRunRollback extends Error {
  constructor() {
    super('dry run: rolled back');
  }
}

type Comparisons = Map<Table, StoredCounts>;

/**
 * Compares every row with the stored one, then writes through the importer's own write function, refreshes the search
 * rows and records the load, all in one transaction; a dry run does the same and rolls it back, so the database also checks what would be
 * written.
 */
async function apply(
  dataSource: DataSource,
  parsed: ParsedImport,
  dryRun: boolean,
  record: (manager: EntityManager, comparisons: Comparisons, datasets: Map<string, string>) => Promise<unknown>,
): Promise<void> {
  try {
    await dataSource.transaction(async (manager) => {
      const comparisons: Comparisons = new Map();
      const datasets = new Map<string, string>();
      for (const table of parsed.tables)
        comparisons.set(table, await countAgainstStored(manager, table, (batch) => namesInProvenance([batch], datasets)));
      await parsed.write(manager);
      await refreshSearchIndex(manager);
      await record(manager, comparisons, datasets);
      if (dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
}

export interface RunContext {
  config: SubgraphConfig;
  cwd: string;
  progress(line: string): void;
  /** Rows of each table written so far, during the write. */
  writes?: WriteProgress;
}

/** Checks, loads (unless anything stops it) and reports one import; writes the rejects file. */
export async function runImport(format: FormatSpec, files: InputFile[], options: RunOptions, context: RunContext): Promise<ImportReport> {
  const startedAt = new Date();
  let database: ImportDatabase | null = null;
  const open = async () => {
    database ??= await openImportDatabase(format.subgraph, context.config, options.dryRun);
    return database;
  };
  try {
    const checked = await check(
      format,
      files,
      options.maxErrors,
      { manager: async () => (await open()).dataSource.manager },
      context.progress,
    );
    const { parsed } = checked;
    const loadable =
      parsed !== null && !checked.limitReached && parsed.fatal.length === 0 && (options.skipRejected || parsed.skippable.length === 0);
    let problems = sortProblems(checked.problems, files);
    // The source is read again when the write finds problems of its own, whose rows it then keeps too.
    const sourcesOf = (found: ImportProblem[]): CheckedFile[] =>
      checked.read.map((input) => {
        const lines = new Set(found.flatMap(({ file, row }) => (file === input.displayName && row !== undefined ? [row] : [])));
        return { input, source: format.shape.kind === 'csv' ? readSourceRows(input.absolute, format.shape, lines) : null };
      });
    let checkedFiles = sourcesOf(problems);
    // Counted inside the write's transaction when there is one, since the load record carries the same counts.
    let counted: ReturnType<typeof countFiles> | null = null;
    let written = false;
    if (loadable) {
      const { dataSource } = await open();
      context.progress(options.dryRun ? 'comparing with the stored rows (dry run)' : 'writing');
      const stopFollowing = context.writes ? followWrites(dataSource, context.writes) : () => undefined;
      try {
        await apply(dataSource, parsed, options.dryRun, (manager, comparisons, datasets) => {
          counted = countFiles({ format, files: checkedFiles, problems, comparisons });
          return recordLoad(manager, loadDescription(format, startedAt, datasets, counted.files, checkedFiles));
        });
        written = !options.dryRun;
      } catch (error) {
        // What only the written rows can show (sums beyond storage): the transaction rolled back, so nothing of the load is kept.
        if (!(error instanceof ImportError)) throw error;
        problems = sortProblems([...problems, ...error.problems], files);
        checkedFiles = sourcesOf(problems);
        counted = null;
      } finally {
        stopFollowing();
      }
      if (written) {
        await refreshStatistics(dataSource);
        await announceLoad(context.config.redis, format.subgraph);
      }
    }
    counted ??= countFiles({ format, files: checkedFiles, problems, comparisons: null });
    const rejects = writeRejects(format, checkedFiles, problems, options.rejects, context.cwd);
    const pathOf = new Map(files.map((file) => [file.displayName, file.path]));
    const listed = options.maxErrors !== null ? problems.slice(0, options.maxErrors) : problems;
    const opened = database as ImportDatabase | null;
    return {
      format: format.name,
      subgraph: format.subgraph,
      input: format.shape.kind,
      database: opened?.description ?? null,
      dryRun: options.dryRun,
      written,
      files: counted.files,
      entities: counted.entities,
      summary: totals(counted.files),
      problems: listed.map((problem) => ({ ...problem, file: pathOf.get(problem.file) ?? problem.file })),
      problemCount: problems.length,
      stoppedEarly: checked.limitReached,
      notRead: checked.notRead.map((file) => file.path),
      warnings: [...(parsed?.warnings ?? []), ...rejects.warnings],
      rejectsFiles: rejects.files,
      exitCode: problems.length > 0 ? 1 : 0,
    };
  } finally {
    await (database as ImportDatabase | null)?.close();
  }
}

/** The load record of a CLI import: each file with its counts and the dataset its rows' provenance names (`datasets`). */
function loadDescription(
  format: FormatSpec,
  startedAt: Date,
  datasets: Map<string, string>,
  reports: FileReport[],
  files: CheckedFile[],
): LoadDescription {
  return {
    format: format.name,
    startedAt,
    files: files.map(({ input }, i) => {
      const { rows, inserted, updated, unchanged, rejected } = reports[i];
      return {
        absolute: input.absolute,
        file: input.displayName,
        dataset: datasets.get(input.displayName) ?? null,
        rows,
        inserted,
        updated,
        unchanged,
        rejected,
      };
    }),
  };
}
