/** The dataset id of everything the generator writes (data/datasets.json): never public data. */
export const SYNTHETIC_DATASET = 'synthetic';

/** A fiscal year no real file has, so that generated ids (`2099:33I005`, `2099:33.…`) never collide with real ones. */
export const SYNTHETIC_FISCAL_YEAR = 2099;

/** Where each kind of generated file goes inside the output folder. */
export const LAYOUT = {
  manifest: 'manifest.json',
  budget: 'shcp-pef',
  ocds: 'ocds',
  archives: 'archives',
  compranet: 'compranet',
} as const;

/**
 * Budget lines per OFDP file: about the size of a real year's file (the 2018 PEF has some 220,000 lines). Files are read
 * as streams, so `--lines-per-file` may make them of any size.
 */
export const LINES_PER_BUDGET_FILE = 250_000;

export function budgetFileName(part: number): string {
  return `${SYNTHETIC_FISCAL_YEAR}.synthetic-${String(part).padStart(3, '0')}.csv`;
}

/** The year first, as the CompraNet format reads a file's publication year from its name. */
export function compranetFileName(part: number): string {
  return `${SYNTHETIC_FISCAL_YEAR}.synthetic-${String(part).padStart(3, '0')}.csv`;
}

export function ocdsFileName(index: number): string {
  return `ocds-synthetic-${String(index).padStart(6, '0')}.json`;
}
