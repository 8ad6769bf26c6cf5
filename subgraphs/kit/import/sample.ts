import type { DataSource, EntityManager } from 'typeorm';
import { recordLoad, sampleLoad } from './data-loads';
import type { FormatLoad, InputFile, ParsedImport } from './format';
import { rejectIfProblems } from './problems';
import { inTransaction } from './load-transaction';

/** One step of a load: a format and its paths, relative to a folder, as one would give them to the CLI. */
export type FormatStep = readonly [format: FormatLoad, paths: readonly string[]];

/** A subgraph's start-up sample: its steps, with paths under the data folder. */
export type SampleStep = FormatStep;

/** The files of each step; a path the format cannot read is a mistake in the caller's list, not in the data. */
export function resolveSteps(directory: string, steps: readonly FormatStep[]): [FormatLoad, InputFile[]][] {
  return steps.map(([format, paths]) => {
    const inputs = format.resolve([...paths], directory);
    if ('usage' in inputs) throw new Error(`${format.name} cannot read ${paths.join(', ')} in ${directory}: ${inputs.usage}`);
    return [format, inputs.files];
  });
}

/**
 * Each step checked (any problem throws ImportError) and then written, in order inside the caller's transaction, so a
 * format that checks against stored rows (records against the catalogue) sees the earlier steps' rows.
 */
async function checkAndWrite(manager: EntityManager, resolved: [FormatLoad, InputFile[]][]): Promise<ParsedImport[]> {
  const results: ParsedImport[] = [];
  for (const [format, files] of resolved) {
    const parsed = await format.parse(files, { manager: async () => manager });
    rejectIfProblems([...parsed.fatal, ...parsed.skippable]);
    await parsed.write(manager);
    results.push(parsed);
  }
  return results;
}

/**
 * Loads formats as the CLI does but without its report or load record (what the tests of an importer need): all in
 * one transaction with the search rows refreshed, so a problem anywhere leaves the database as it was. Returns what
 * each step read.
 */
export function importSteps(dataSource: DataSource, directory: string, steps: readonly FormatStep[]): Promise<ParsedImport[]> {
  const resolved = resolveSteps(directory, steps);
  return inTransaction(dataSource, (manager) => checkAndWrite(manager, resolved));
}

/**
 * Loads a subgraph's start-up sample through the formats the CLI reads it with, in one transaction that also refreshes
 * the search rows (the index is prepared empty when the database opens), and records the load once, as `sample`,
 * naming every file read once.
 */
export async function loadSampleSteps(dataSource: DataSource, dataDirectory: string, steps: readonly SampleStep[]): Promise<void> {
  const startedAt = new Date();
  const resolved = resolveSteps(dataDirectory, steps);
  await inTransaction(dataSource, async (manager) => {
    const parsed = await checkAndWrite(manager, resolved);
    const files = [...new Set(resolved.flatMap(([, inputs]) => inputs.map((input) => input.absolute)))];
    await recordLoad(
      manager,
      sampleLoad(
        startedAt,
        files,
        parsed.flatMap((result) => result.tables.flatMap((table) => [...table.batches()])),
      ),
    );
  });
}
