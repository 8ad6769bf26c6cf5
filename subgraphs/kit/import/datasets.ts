import fs from 'node:fs';
import path from 'node:path';
import { splitCsv } from './csv-records';
import { datasetCatalogue } from '../provenance';
import { generatedDataset } from './generated';

/** Enough of a file to hold its header and first record. */
const HEAD_BYTES = 64 * 1024;

/** A column of the first data record of a CSV with a header row, read from the head of the file only. */
export function firstValue(file: string, column: string): string | null {
  let head: string;
  try {
    const handle = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = fs.readSync(handle, buffer, 0, HEAD_BYTES, 0);
    fs.closeSync(handle);
    // Column names and years are ASCII: Latin-1 decoding reads them whatever the file's encoding.
    head = buffer
      .subarray(0, read)
      .toString('latin1')
      .replace(/^\u00ef\u00bb\u00bf/, '');
  } catch {
    return null;
  }
  const [header, first] = splitCsv(head).records;
  const index = header?.fields.findIndex((name) => name.trim().toLowerCase() === column) ?? -1;
  return index >= 0 && first ? (first.fields[index]?.trim() ?? null) : null;
}

/** A four-digit year in a file's name (`2018.sample.csv`, `contratos_2017.csv`), or null. */
export function yearInName(file: string): string | null {
  return /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(path.basename(file))?.[1] ?? null;
}

/**
 * `<prefix>-<year>`, or `<prefix>-<year>-sample` for a file named `*.sample.*` when data/datasets.json describes that
 * sample (the shipped 1 % samples), so that re-importing a shipped file keeps its provenance.
 */
export function datasetId(prefix: string, year: string | null, file: string): string {
  const base = year === null ? prefix : `${prefix}-${year}`;
  const sample = `${base}-sample`;
  return /\.sample\./i.test(path.basename(file)) && datasetCatalogue()[sample] ? sample : base;
}

/** The provenance getters fall back to the bare id for a dataset the catalogue lacks; the user should know. */
export function unknownDatasetWarnings(ids: string[]): string[] {
  return [...new Set(ids)]
    .filter((id) => !datasetCatalogue()[id])
    .map(
      (id) =>
        `dataset "${id}" is not described in data/datasets.json: provenance will show its id, with publisher and licence "unknown", until an entry is added`,
    );
}

/**
 * The dataset of an SHCP open-budget (OFDP) file, read by the budgets' shcp-budget and the institutions' pef-institutions
 * formats alike: `shcp-pef-<ciclo>` from its first record (`-sample` for a shipped `*.sample.csv`), or the dataset of a
 * generated file's manifest.
 */
export function pefDataset(file: string): string {
  const generated = generatedDataset(file);
  if (generated !== null) return generated;
  const year = firstValue(file, 'ciclo');
  return datasetId('shcp-pef', year !== null && /^\d{4}$/.test(year) ? year : null, file);
}
