import fs from 'node:fs';
import path from 'node:path';
import { parseRecords, type ParsedRecords, type SeriesRetention } from '../../subgraphs/archives/importers/records.importer';
import { parseOcdsFiles, type OcdsFileInput, type ParsedOcds } from '../../subgraphs/budgets/importers/ocds.importer';
import type { BudgetFileInput } from '../../subgraphs/budgets/importers/shcp-budget.importer';
import type { SourceRef } from '../../subgraphs/kit/provenance';
import type { Manifest } from './generate-all';
import { LAYOUT, SYNTHETIC_DATASET } from './synthetic';

/**
 * How generated files go through the real importers. The SHCP importer takes a dataset id per input, so the budget
 * file is simply declared `synthetic`. The OCDS and records importers name their dataset themselves (by publisher,
 * and `illustrative`), so their parsed rows are relabelled `synthetic` before they are written: generated rows must
 * never be attributed to INAI or to the illustrative layer.
 */
export function syntheticBudgetInputs(directory: string): BudgetFileInput[] {
  return filesIn(path.join(directory, LAYOUT.budget), '.csv').map((file) => ({ file, dataset: SYNTHETIC_DATASET }));
}

export function syntheticOcdsInputs(directory: string): OcdsFileInput[] {
  return filesIn(path.join(directory, LAYOUT.ocds), '.json').map((file) => ({ file }));
}

function filesIn(folder: string, extension: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => path.join(folder, name));
}

export function parseSyntheticOcds(directory: string): ParsedOcds {
  const parsed = parseOcdsFiles(syntheticOcdsInputs(directory));
  relabel([...parsed.contracts, ...parsed.transactions]);
  return parsed;
}

export function parseSyntheticRecords(directory: string, series: SeriesRetention): ParsedRecords {
  const parsed = parseRecords(path.join(directory, LAYOUT.archives), series);
  relabel([...parsed.records, ...parsed.subjects]);
  return parsed;
}

/**
 * Whether a file is the generator's: it sits in one of the parts of a folder whose manifest.json declares the
 * synthetic dataset (and, for budget files, lists it). The import CLI labels such files `synthetic` whatever their
 * content says (a budget file's `ciclo` would otherwise make it `shcp-pef-2099`).
 */
export function isGenerated(file: string): boolean {
  const part = path.basename(path.dirname(file));
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(path.dirname(file)), LAYOUT.manifest), 'utf8')) as Partial<Manifest>;
  } catch {
    return false;
  }
  if (manifest.dataset !== SYNTHETIC_DATASET) return false;
  if (part === manifest.budget?.directory) return manifest.budget.files.includes(path.basename(file));
  return part === manifest.ocds?.directory || part === manifest.archives?.directory;
}

/** Gives generated rows the synthetic dataset, whatever publisher their importer attributes them to. */
export function relabel(rows: { source: SourceRef }[]): void {
  for (const row of rows) row.source.dataset = SYNTHETIC_DATASET;
}
