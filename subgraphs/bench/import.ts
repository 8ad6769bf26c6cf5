import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateAll } from '../generate/generate-all';
import { countFlag, parseFlags } from '../generate/options';
import { LINES_PER_BUDGET_FILE } from '../generate/synthetic';
import { readConfig } from '../shared/config';
import { METHODS, SUBJECTS, type Method } from './measure';
import { formatTable, type BenchRow } from './report';
import type { Engine } from './throwaway-database';
import type { MeasurementRequest, MeasurementResult } from './worker';

export const BENCH_USAGE = 'npm run bench:import -- [--lines N] [--transactions M] [--seed S]   (defaults: 100000 lines, as many transactions, seed "bench")';

export interface BenchOptions {
  lines: number;
  transactions: number;
  seed: string;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const flags = parseFlags(argv, ['lines', 'transactions', 'seed']);
  const lines = countFlag(flags, 'lines', 100_000, 1);
  return { lines, transactions: countFlag(flags, 'transactions', lines, 0), seed: flags.get('seed') ?? 'bench' };
}

/** Each measurement runs in its own Node process, so that one's heap and peak RSS do not leak into the next. */
function runChild(request: MeasurementRequest): MeasurementResult {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'worker.js'), JSON.stringify(request)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`${request.engine} ${request.subject} ${request.method} failed (exit ${child.status ?? child.signal})`);
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
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-bench-input-'));
  try {
    const started = performance.now();
    const manifest = generateAll({ ...options, records: 0, linesPerFile: LINES_PER_BUDGET_FILE, out: directory }, readConfig().dataDirectory);
    console.log(
      `generated ${manifest.budget.lines.toLocaleString('en')} budget lines and ${manifest.ocds.transactions.toLocaleString('en')} payments ` +
        `(${manifest.ocds.files} OCDS files, seed "${options.seed}") in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
        `generator peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    const engines: Engine[] = databaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];
    if (!databaseUrl) console.log('PostgreSQL skipped: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to measure it too');
    const rows: BenchRow[] = [];
    for (const engine of engines) {
      for (const subject of SUBJECTS) {
        if (subject === 'ocds' && options.transactions === 0) continue;
        const results = {} as Record<Method, MeasurementResult>;
        for (const method of METHODS) {
          process.stdout.write(`  ${engine} ${subject} ${method}…\n`);
          results[method] = runChild({ engine, subject, method, directory, databaseUrl });
        }
        rows.push({ engine, subject, results });
      }
    }
    console.log(`\n${formatTable(rows)}`);
    console.log(
      '\n(a) the real importer: read + parse + validate + upsertAll in one transaction; (b) plain multi-row INSERTs of the same\n' +
        'parsed rows in one transaction; (c) = a/b. upsertAll = the importer\'s write step alone. Each figure comes from its own\n' +
        'process and an empty throw-away database (temporary SQLite folder / PostgreSQL schema bench_*, dropped afterwards).',
    );
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

if (require.main === module) main();
