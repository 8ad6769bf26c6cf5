import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateAll } from '../generate/generate-all';
import { countFlag, parseFlags } from '../generate/options';
import { LINES_PER_BUDGET_FILE } from '../generate/synthetic';
import { realDataFolder } from '../import/real-data';
import type { FormatSpec } from '../../subgraphs/kit/import/format';
import { readConfig } from '../../subgraphs/kit/config';
import { benchInputs, needsGenerated, presentInputs, selectFormats, sizedBy } from './inputs';
import { methodsOf } from './measure';
import { formatScaling, formatTable, type BenchRow } from './report';
import type { Engine } from './throwaway-database';
import type { MeasurementRequest, MeasurementResult } from './worker';

export const BENCH_USAGE =
  'npm run bench:import -- [--lines N[,N2…]] [--contracts C[,C2…]] [--transactions M] [--records K] [--seed S] [--formats a,b] [--min-seconds T] [--real-data DIR]\n' +
  '  defaults: 100000 lines, lines/10 contracts, as many transactions as lines, lines/10 records, seed "bench", every format, 1 s, $REAL_DATA_DIR or shared/data beside the project\n' +
  '  budget lines and archival records are measured at each --lines size, CompraNet and OCDS contracts at each --contracts size (OCDS: 1–19 payments\n' +
  '  each, about ten); several sizes (--lines 100000,1000000 or --contracts 20000,200000) print how time and memory grow';

export interface BenchOptions {
  /** Budget lines generated, one run of the line-sized formats (shcp-budget, records) per size. */
  sizes: number[];
  /** CompraNet and OCDS contracts generated, one run of those formats per size; null: a tenth of each line size. */
  contractSizes: number[] | null;
  /** OCDS payments beside the lines (what the archival records document) and archival records; null: as many payments as lines and a tenth as many records, at each size. */
  transactions: number | null;
  records: number | null;
  seed: string;
  formats: FormatSpec[];
  /** Small loads are repeated until at least this much time is measured. */
  minSeconds: number;
  realData: string;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const flags = parseFlags(argv, ['lines', 'contracts', 'transactions', 'records', 'seed', 'formats', 'min-seconds', 'real-data']);
  const sizesOf = (name: string, list: string) =>
    [...new Set(list.split(',').map((size) => countFlag(new Map([[name, size.trim()]]), name, 0, 1)))].sort((a, b) => a - b);
  const contracts = flags.get('contracts');
  const minSeconds = Number(flags.get('min-seconds') ?? 1);
  if (!Number.isFinite(minSeconds) || minSeconds < 0 || minSeconds > 600)
    throw new Error(`--min-seconds must be a number of seconds from 0 to 600 (got "${flags.get('min-seconds')}")`);
  const optional = (name: string) => (flags.has(name) ? countFlag(flags, name, 0, 0) : null);
  return {
    sizes: sizesOf('lines', flags.get('lines') ?? '100000'),
    contractSizes: contracts === undefined ? null : sizesOf('contracts', contracts),
    transactions: optional('transactions'),
    records: optional('records'),
    seed: flags.get('seed') ?? 'bench',
    formats: selectFormats(flags.get('formats')),
    minSeconds,
    realData: path.resolve(flags.get('real-data') ?? realDataFolder()),
  };
}

/** One generation and the formats measured on it: the line-sized ones at a number of lines, the others at a number of contracts. */
interface BenchRun {
  unit: 'lines' | 'contracts';
  size: number;
}

/** The line sizes, then the contract sizes (by default a tenth of each line size, about the payments of as many lines). */
export function benchRuns(options: Pick<BenchOptions, 'sizes' | 'contractSizes'>): BenchRun[] {
  const contracts = options.contractSizes ?? [...new Set(options.sizes.map((lines) => Math.ceil(lines / 10)))];
  return [
    ...options.sizes.map((size) => ({ unit: 'lines' as const, size })),
    ...contracts.map((size) => ({ unit: 'contracts' as const, size })),
  ];
}

/**
 * Budget lines the contracts of a contract-sized run are charged to (some 470 programs): the lines themselves are not
 * measured there.
 */
const PROGRAM_LINES = 10_000;

function generate(run: BenchRun, options: BenchOptions, directory: string, dataDirectory: string): void {
  const started = performance.now();
  const sized =
    run.unit === 'lines'
      ? {
          lines: run.size,
          transactions: options.transactions ?? run.size,
          records: options.records ?? Math.ceil(run.size / 10),
          contracts: 0,
        }
      : { lines: PROGRAM_LINES, transactions: 0, ocdsContracts: run.size, records: 0, contracts: run.size };
  const manifest = generateAll({ ...options, ...sized, linesPerFile: LINES_PER_BUDGET_FILE, out: directory }, dataDirectory);
  const count = (value: number) => value.toLocaleString('en');
  console.log(
    `generated ${count(manifest.budget.lines)} budget lines, ${count(manifest.ocds.transactions)} payments in ${count(manifest.ocds.contracts)} OCDS contracts, ` +
      `${count(manifest.compranet.contracts)} CompraNet contracts and ${count(manifest.archives.records)} archival records ` +
      `(seed "${options.seed}") in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Each measurement runs in its own Node process, so that one's heap and peak RSS do not leak into the next. */
function runChild(request: MeasurementRequest): MeasurementResult {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'worker.js'), JSON.stringify(request)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0)
    throw new Error(`${request.engine} ${request.format} ${request.method} failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as MeasurementResult;
}

function main(): void {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${BENCH_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const engines: Engine[] = databaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  if (!databaseUrl) console.log('PostgreSQL skipped: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to measure it too');
  const config = readConfig();
  const rows: BenchRow[] = [];
  // Formats read from files that do not change with the size are measured once, with the first run.
  for (const [i, run] of benchRuns(options).entries()) {
    const formats = options.formats.filter((format) => (sizedBy(format) ?? (i === 0 ? run.unit : null)) === run.unit);
    if (formats.length === 0) continue;
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-bench-input-'));
    try {
      if (needsGenerated(formats)) generate(run, options, directory, config.dataDirectory);
      const { present, absent } = presentInputs(
        benchInputs({ generated: directory, realData: options.realData, projectData: config.dataDirectory }, formats),
      );
      for (const input of absent)
        console.log(`${input.format} skipped: ${input.paths.filter((file) => !fs.existsSync(file)).join(', ')} absent`);
      for (const engine of engines) {
        for (const input of present) {
          const results = {} as BenchRow['results'];
          for (const method of methodsOf(engine)) {
            process.stdout.write(`  ${engine} ${input.format} ${method}…\n`);
            const { format, paths, skipRejected, prerequisite } = input;
            results[method] = runChild({
              engine,
              method,
              databaseUrl,
              format,
              paths,
              skipRejected,
              prerequisite,
              minSeconds: options.minSeconds,
            });
          }
          const generated = needsGenerated(formats.filter((format) => format.name === input.format));
          rows.push({ engine, input, results, ...(generated ? { [run.unit]: run.size } : {}) });
        }
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }
  console.log(`\n${formatTable(rows)}`);
  const scaling = formatScaling(rows);
  if (scaling) console.log(`\n${scaling}`);
  console.log(
    `\nimport: the format's parse (read + validate) and its write in one transaction, as npm run import runs them (without the\n` +
      `CLI's comparison with stored rows and its report). bare INSERT: the same parsed rows as plain multi-row INSERTs into the\n` +
      `same tables, in one transaction (the ceiling); ratio = import rows/s ÷ bare INSERT rows/s. bare COPY (PostgreSQL): the\n` +
      `same rows as one COPY … FROM STDIN per table; COPY ratio = import rows/s ÷ bare COPY rows/s. rows: rows read per load, as\n` +
      `the CLI reports them (CSV data rows, header excluded, over all the files; JSON items); rows written: over all tables.\n` +
      `CPU/load: the measuring process's CPU (user + system) per load, SQLite's work included, PostgreSQL's server not.\n` +
      `Loads shorter than ${options.minSeconds} s are repeated (loads) into emptied tables and rows/s is taken over them all. Each figure\n` +
      `comes from its own process and a throw-away database (temporary SQLite folder / PostgreSQL schema bench_*, dropped after).`,
  );
}

if (require.main === module) main();
