import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { FormatLoad, ParsedImport } from '../../subgraphs/kit/import/format';
import { countAgainstStored, type ImportSummary, summarize } from '../../subgraphs/kit/import/import-summary';
import { inTransaction } from '../../subgraphs/kit/import/load-transaction';
import { rejectIfProblems } from '../../subgraphs/kit/import/problems';
import { importSteps, resolveSteps } from '../../subgraphs/kit/import/sample';

/**
 * Loads files into a test subgraph's database through a format, as the CLI and the start-up sample do (checked, then
 * written in one transaction; any problem throws ImportError and writes nothing), without the CLI's report.
 */
export async function importFormat(dataSource: DataSource, format: FormatLoad, paths: string[]): Promise<ParsedImport> {
  const [parsed] = await importSteps(dataSource, process.cwd(), [[format, paths]]);
  return parsed;
}

/** The rows a format read into one entity's table. */
export function rowsOf<E extends ObjectLiteral>(parsed: ParsedImport, entity: EntityTarget<E>): E[] {
  return parsed.tables.filter((table) => table.entity === entity).flatMap((table) => [...table.batches()].flat() as E[]);
}

/** Reads files through a format without writing them (a format that checks against stored rows needs `manager`). */
export async function parseFormat(format: FormatLoad, paths: string[], manager?: EntityManager): Promise<ParsedImport> {
  const [[, files]] = resolveSteps(process.cwd(), [[format, paths]]);
  return format.parse(files, {
    manager: async () => {
      if (!manager) throw new Error(`${format.name} checks against the database: give parseFormat a manager`);
      return manager;
    },
  });
}

/**
 * importFormat that also counts, table by table, what the load inserts, updates and leaves unchanged, compared with the
 * stored rows inside the load's transaction before it writes (as the CLI's report counts them).
 */
export async function importCounted(dataSource: DataSource, format: FormatLoad, paths: string[]): Promise<Record<string, ImportSummary>> {
  const parsed = await parseFormat(format, paths, dataSource.manager);
  rejectIfProblems([...parsed.fatal, ...parsed.skippable]);
  return inTransaction(dataSource, async (manager) => {
    const counts: Record<string, ImportSummary> = {};
    for (const table of parsed.tables) counts[table.label] = summarize(await countAgainstStored(manager, table));
    await parsed.write(manager);
    return counts;
  });
}
