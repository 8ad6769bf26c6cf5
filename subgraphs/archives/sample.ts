import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../kit/config';
import { sampleLoad } from '../kit/import/data-loads';
import { loadAllOrNothing } from '../kit/import/importing';
import { parseCatalogue, SECTIONS_FILE, SERIES_FILE, SUBSERIES_FILE, writeCatalogue } from './importers/catalogue.importer';
import { DOCUMENTS_FILE, parseRecords, RECORDS_FILE, SUBJECTS_FILE, writeRecords } from './importers/records.importer';

export const catalogueDirectory = (config: SubgraphConfig) => path.join(config.dataDirectory, 'archives');
export const recordsDirectory = (config: SubgraphConfig) => path.join(config.dataDirectory, 'illustrative');

/**
 * The SRE's classification chart and disposition catalogue, then the ILLUSTRATIVE records filed against
 * it: both validated first (records against the catalogue being loaded), then written in one transaction.
 */
export async function loadSample(dataSource: DataSource, config: SubgraphConfig): Promise<void> {
  const startedAt = new Date();
  const catalogue = parseCatalogue(catalogueDirectory(config));
  const files = [
    ...[SECTIONS_FILE, SERIES_FILE, SUBSERIES_FILE].map((file) => path.join(catalogueDirectory(config), file)),
    ...[RECORDS_FILE, DOCUMENTS_FILE, SUBJECTS_FILE].map((file) => path.join(recordsDirectory(config), file)),
  ];
  const records = parseRecords(recordsDirectory(config), new Map(catalogue.series.map((series) => [series.code, series.retention])));
  await loadAllOrNothing(
    dataSource,
    [catalogue, records],
    async (manager) => {
      await writeCatalogue(manager, catalogue);
      await writeRecords(manager, records);
    },
    sampleLoad(startedAt, files, [catalogue, records]),
  );
}
