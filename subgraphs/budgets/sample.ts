import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../kit/config';
import { sampleLoad } from '../kit/import/data-loads';
import { loadAllOrNothing } from '../kit/import/importing';
import { parseAllocations, writeAllocations } from './importers/allocations.importer';
import { GDP_FILE, parseGdp, parsePriceIndex, PRICE_INDEX_FILE, writeGdp, writePriceIndex } from './importers/economic-series.importer';
import { parseOcdsFiles, writeOcds, type OcdsFileInput } from './importers/ocds.importer';
import { parseBudgetFiles, writeBudget, type BudgetFileInput } from './importers/shcp-budget.importer';

/** The shipped budget files and the dataset each belongs to. */
export function budgetInputs(dataDirectory: string): BudgetFileInput[] {
  return [
    { file: path.join(dataDirectory, 'shcp-pef', '2017.sample.csv'), dataset: 'shcp-pef-2017-sample' },
    { file: path.join(dataDirectory, 'shcp-pef', '2018.sample.csv'), dataset: 'shcp-pef-2018-sample' },
  ];
}

/** Every shipped OCDS file, one folder per publisher, in path order (merging keeps the given order for equal dates). */
export function ocdsInputs(dataDirectory: string): OcdsFileInput[] {
  const walk = (directory: string): string[] =>
    fs
      .readdirSync(directory, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const child = path.join(directory, entry.name);
        if (entry.isDirectory()) return walk(child);
        return entry.name.endsWith('.json') ? [child] : [];
      });
  return walk(path.join(dataDirectory, 'ocds')).map((file) => ({ file }));
}

export function allocationsFile(dataDirectory: string): string {
  return path.join(dataDirectory, 'allocations', 'allocations.csv');
}

/** Parses every shipped file, rejects the lot if anything is wrong, then writes it all in one transaction. */
export async function loadSample(dataSource: DataSource, config: SubgraphConfig): Promise<void> {
  const startedAt = new Date();
  const budgetFiles = budgetInputs(config.dataDirectory);
  const ocdsFiles = ocdsInputs(config.dataDirectory);
  const budget = parseBudgetFiles(budgetFiles);
  const ocds = parseOcdsFiles(ocdsFiles);
  const allocations = parseAllocations(allocationsFile(config.dataDirectory));
  const pricesFile = path.join(config.dataDirectory, 'economy', PRICE_INDEX_FILE);
  const gdpFile = path.join(config.dataDirectory, 'economy', GDP_FILE);
  const prices = parsePriceIndex(pricesFile);
  const gdp = parseGdp(gdpFile);
  const files = [...budgetFiles, ...ocdsFiles]
    .map((input) => input.file)
    .concat(allocationsFile(config.dataDirectory), pricesFile, gdpFile);
  await loadAllOrNothing(
    dataSource,
    [budget, ocds, allocations, prices, gdp],
    async (manager) => {
      await writeBudget(manager, budget);
      await writeOcds(manager, ocds);
      await writeAllocations(manager, allocations);
      await writePriceIndex(manager, prices);
      await writeGdp(manager, gdp);
    },
    sampleLoad(startedAt, files, [budget, ocds, allocations, prices, gdp]),
  );
}
