import { LINES_PER_BUDGET_FILE } from './synthetic';

/** Reads `--name value` pairs, refusing unknown names, missing values and repeats, so a typo never silently falls back to a default. */
export function parseFlags(argv: readonly string[], allowed: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !allowed.includes(name)) {
      throw new Error(`unknown argument "${argv[i]}" (expected ${allowed.map((a) => `--${a}`).join(', ')})`);
    }
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new Error(`--${name} needs a value`);
    if (flags.has(name)) throw new Error(`--${name} is given twice`);
    flags.set(name, argv[i + 1]);
  }
  return flags;
}

/** A whole number flag from min to max; `fallback` when absent. */
export function countFlag(flags: Map<string, string>, name: string, fallback: number, min: number, max = 100_000_000): number {
  const text = flags.get(name);
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max} (got "${text}")`);
  return value;
}

export interface GenerateOptions {
  /** Budget lines (rows of the OFDP file). */
  lines: number;
  /** OCDS payments. */
  transactions: number;
  /** OCDS contracts instead: when given, OCDS is sized by contracts (about ten payments each) and `transactions` is not read. */
  ocdsContracts?: number;
  /** Archival records. */
  records: number;
  /** CompraNet contracts. */
  contracts: number;
  /** Budget lines per OFDP file (the last file holds the rest). */
  linesPerFile: number;
  seed: string;
  /** Output folder. */
  out: string;
}

export const GENERATE_USAGE =
  'npm run generate -- --lines N [--transactions M] [--records K] [--contracts C] [--seed S] [--out DIR] [--lines-per-file L]\n' +
  `  defaults: --transactions N, --records N/100 (rounded up), --contracts 0, --seed 1, --out .data/generated, --lines-per-file ${LINES_PER_BUDGET_FILE}`;

/** `npm run generate` arguments; `out` is returned as given (the caller resolves it). */
export function parseGenerateArgs(argv: readonly string[]): GenerateOptions {
  const flags = parseFlags(argv, ['lines', 'transactions', 'records', 'contracts', 'seed', 'out', 'lines-per-file']);
  if (!flags.has('lines')) throw new Error('--lines is required');
  const lines = countFlag(flags, 'lines', 0, 1);
  return {
    lines,
    transactions: countFlag(flags, 'transactions', lines, 0),
    records: countFlag(flags, 'records', Math.ceil(lines / 100), 0),
    contracts: countFlag(flags, 'contracts', 0, 0),
    linesPerFile: countFlag(flags, 'lines-per-file', LINES_PER_BUDGET_FILE, 1),
    seed: flags.get('seed') ?? '1',
    out: flags.get('out') ?? '.data/generated',
  };
}
