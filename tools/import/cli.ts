import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../../subgraphs/kit/config';
import { parseArgs } from './args';
import { FORMATS, formatNamed } from './formats';
import { humanReport, progressBar } from './output';
import { runImport } from './run';
import { formatHelp, usage } from './usage';

/** Where the CLI writes and what it reads from: the process's streams and environment, or a test's. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** The folder relative paths (inputs, --rejects, the default rejects files) are resolved against. */
  cwd: string;
}

export const EXIT = { ok: 0, rejected: 1, usage: 2, failure: 3 } as const;

function processIo(): CliIo {
  // `npm run` starts scripts in the project folder; INIT_CWD is where the user typed the command.
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.env.INIT_CWD ?? process.cwd() };
}

/** `npm run import -- <format> <path>… [options]`: returns the exit code (see usage()). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const usageError = (problem: string) => {
    io.stderr.write(`error: ${problem}\n\n${usage()}\n`);
    return EXIT.usage;
  };
  const command = parseArgs(argv);
  if (command.kind === 'usage') return usageError(command.problem);
  if (command.kind === 'help') {
    if (command.format === null) {
      io.stdout.write(`${usage()}\n`);
      return EXIT.ok;
    }
    const format = formatNamed(command.format);
    if (!format) return usageError(`unknown format "${command.format}"`);
    io.stdout.write(`${formatHelp(format)}\n`);
    return EXIT.ok;
  }

  const { options } = command;
  const format = formatNamed(options.format);
  if (!format) return usageError(`unknown format "${options.format}"`);
  if (options.skipRejected && !format.skipRejected) {
    const leaving = FORMATS.filter((known) => known.skipRejected)
      .map((known) => known.name)
      .join(' and ');
    return usageError(`--skip-rejected: ${format.name} loads all or nothing (only ${leaving} can leave rejected rows out)`);
  }
  const missing = options.paths.filter((given) => !fs.existsSync(path.resolve(io.cwd, given)));
  if (missing.length > 0) return usageError(`no such file or folder: ${missing.join(', ')}`);
  const resolved = format.resolve(options.paths, io.cwd);
  if ('usage' in resolved) return usageError(`${format.name}: ${resolved.usage}`);
  if (options.rejects !== null && resolved.files.some((file) => file.absolute === path.resolve(io.cwd, options.rejects!))) {
    return usageError(`--rejects ${options.rejects} would overwrite an input file`);
  }

  const showProgress = io.stderr.isTTY === true && !io.env.CI;
  try {
    const report = await runImport(format, resolved.files, options, {
      config: readConfig(io.env),
      cwd: io.cwd,
      progress: (line) => {
        if (showProgress) io.stderr.write(`… ${line}\n`);
      },
      writes: showProgress ? (table, done, total) => io.stderr.write(progressBar(table, done, total)) : undefined,
    });
    if (options.json) {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      io.stderr.write(humanReport(report));
    } else io.stdout.write(humanReport(report));
    return report.exitCode;
  } catch (error) {
    // Not `instanceof Error`: errors raised by Node's own modules may come from another realm (a test's VM context).
    const { message: raw, stack } = typeof error === 'object' && error !== null ? (error as { message?: unknown; stack?: unknown }) : {};
    const message = (typeof raw === 'string' ? raw : String(error)).replace(/\s*\n\s*/g, ' ').trim();
    io.stderr.write(`import failed: ${message}\n`);
    if (io.env.DEBUG === '1' && typeof stack === 'string') io.stderr.write(`${stack}\n`);
    if (options.json) io.stdout.write(`${JSON.stringify({ format: format.name, error: message, exitCode: EXIT.failure })}\n`);
    return EXIT.failure;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
