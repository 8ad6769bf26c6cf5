import { performance } from 'node:perf_hooks';
import type { DataSource, EntityMetadata } from 'typeorm';
import { formatNamed } from '../import/formats';
import { readSourceRows } from '../import/source-rows';
import type { FormatSpec, InputFile, ParseContext, ParsedImport } from '../../subgraphs/kit/import/format';
import { rejectIfProblems } from '../../subgraphs/kit/import/problems';
import type { Prerequisite } from './inputs';
import { copyRows, insertRows } from './raw-insert';
import type { Engine } from './throwaway-database';

/**
 * - `import`: the format's own parse (read + validate) and its write in one transaction, as the CLI's run does;
 * - `insert`: the ceiling, the same parsed rows (parsed beforehand, untimed) as plain multi-row INSERTs into the same
 *   tables, in one transaction;
 * - `copy` (PostgreSQL): the same, as one `COPY … FROM STDIN` per table.
 */
export type Method = 'import' | 'insert' | 'copy';

/** The ways one engine is measured: SQLite has no COPY. */
export function methodsOf(engine: Engine): readonly Method[] {
  return engine === 'postgres' ? ['import', 'insert', 'copy'] : ['import', 'insert'];
}

export interface LoadRequest {
  format: string;
  /** Absolute paths, as given to the CLI. */
  paths: string[];
  /** Leave out the rows the format may skip (--skip-rejected); any other problem stops the measurement. */
  skipRejected: boolean;
  /** Loaded once before anything is timed, and kept: what the format checks against. */
  prerequisite?: Prerequisite;
  /** Loads are repeated, into emptied tables, until this much time has been measured. */
  minSeconds: number;
  /** And at least this many loads (default 1). */
  minLoads?: number;
}

export interface Timing {
  /** Rows read over all loads: CSV data rows (header excluded) or JSON items, as the CLI's report counts them. */
  rows: number;
  /** Rows read by one load. */
  rowsPerLoad: number;
  /** `CSV rows` or `JSON items (…)`: what a row is for this format. */
  unit: string;
  loads: number;
  /** Measured time over all loads. */
  seconds: number;
  /** Of `seconds`, the format's parse (import only). */
  parseSeconds: number | null;
  /**
   * CPU time of this process (user + system) over the measured loads: with SQLite, the database's work included; with
   * PostgreSQL, only the client's. Wall time on a shared machine moves with the others' load; this moves less.
   */
  cpuSeconds: number;
  /** Rows one load leaves in each table (of the tables empty before it). */
  written: Record<string, number>;
}

/**
 * Loads the request's files into the empty tables of `dataSource` one way, as many times as `minSeconds` asks for
 * (small files take milliseconds, too little to time), emptying the tables between loads, untimed.
 */
export async function measure(request: LoadRequest, method: Method, dataSource: DataSource): Promise<Timing> {
  const format = spec(request.format);
  const context: ParseContext = { manager: async () => dataSource.manager };
  if (request.prerequisite) {
    const before = spec(request.prerequisite.format);
    const parsed = checked(await before.parse(resolve(before, request.prerequisite.paths), context), false);
    await dataSource.transaction((manager) => parsed.write(manager));
  }
  const tables = await emptyTables(dataSource);
  const files = resolve(format, request.paths);
  const rowsPerLoad = files.reduce((sum, file) => sum + rowsRead(format, file), 0);
  const parse = async () => checked(await format.parse(files, context), request.skipRejected);
  const ready = method === 'import' ? null : await parse();
  const bare = method === 'copy' ? copyRows : insertRows;
  let unit = ready && unitOf(format, ready);
  // The ceilings write rows already in memory, even those an import reads again from the files as it writes.
  const prepared = ready?.tables.map((table) => ({ entity: table.entity, rows: [...table.batches()].flat() }));

  let loads = 0;
  let seconds = 0;
  let parseSeconds = 0;
  let cpuSeconds = 0;
  for (;;) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    if (prepared) {
      await dataSource.transaction(async (manager) => {
        for (const { entity, rows } of prepared) await bare(manager, entity, rows);
      });
    } else {
      const parsed = await parse();
      parseSeconds += (performance.now() - started) / 1000;
      unit ??= unitOf(format, parsed);
      await dataSource.transaction((manager) => parsed.write(manager));
    }
    seconds += (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    cpuSeconds += (cpu.user + cpu.system) / 1e6;
    loads += 1;
    if (seconds >= request.minSeconds && loads >= (request.minLoads ?? 1)) break;
    await empty(dataSource, tables);
  }
  const written: Record<string, number> = {};
  for (const table of tables) {
    const count = await dataSource.getRepository(table.target).count();
    if (count > 0) written[table.tableName] = count;
  }
  return {
    rows: rowsPerLoad * loads,
    rowsPerLoad,
    unit: unit ?? '',
    loads,
    seconds,
    parseSeconds: method === 'import' ? parseSeconds : null,
    cpuSeconds,
    written,
  };
}

function spec(name: string): FormatSpec {
  const format = formatNamed(name);
  if (!format) throw new Error(`unknown format ${name}`);
  return format;
}

function resolve(format: FormatSpec, paths: string[]): InputFile[] {
  const resolved = format.resolve(paths, process.cwd());
  if ('usage' in resolved) throw new Error(`${format.name} ${paths.join(' ')}: ${resolved.usage}`);
  return resolved.files;
}

/** The load must go ahead as the CLI's would: no problem at all, or only rows the format may leave out. */
function checked(parsed: ParsedImport, skipRejected: boolean): ParsedImport {
  rejectIfProblems(skipRejected ? parsed.fatal : [...parsed.fatal, ...parsed.skippable]);
  return parsed;
}

/** The CLI report's rows read: a CSV's data records, a JSON file's items. */
function rowsRead(format: FormatSpec, file: InputFile): number {
  const count = format.shape.kind === 'csv' ? readSourceRows(file.absolute, format.shape)?.rows : format.shape.countItems(file.absolute);
  if (count === null || count === undefined) throw new Error(`${file.path}: cannot be read`);
  return count;
}

function unitOf(format: FormatSpec, parsed: ParsedImport): string {
  if (format.shape.kind === 'csv') return 'CSV rows';
  const items = parsed.tables.find((table) => table.fileOf)?.label;
  return `JSON items${items ? ` (${items})` : ''}`;
}

/** The tables nothing is in yet: those a load fills, and empties again before the next. */
async function emptyTables(dataSource: DataSource): Promise<EntityMetadata[]> {
  const empty: EntityMetadata[] = [];
  for (const metadata of dataSource.entityMetadatas) {
    if ((await dataSource.getRepository(metadata.target).count()) === 0) empty.push(metadata);
  }
  return empty;
}

async function empty(dataSource: DataSource, tables: EntityMetadata[]): Promise<void> {
  const names = tables.map((metadata) =>
    metadata.tablePath
      .split('.')
      .map((part) => dataSource.driver.escape(part))
      .join('.'),
  );
  if (dataSource.options.type === 'postgres') await dataSource.query(`TRUNCATE ${names.join(', ')}`);
  else for (const name of names) await dataSource.query(`DELETE FROM ${name}`);
}
