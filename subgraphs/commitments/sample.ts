import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../shared/config';
import { loadLocalActionPlans, shippedFiles } from './importers/local-action-plans.importer';

/** Loads INAI's local action plans and commitments, with the illustrative detail layer, from the data folder. */
export async function loadSample(dataSource: DataSource, config: SubgraphConfig): Promise<void> {
  await loadLocalActionPlans(dataSource, shippedFiles(config.dataDirectory));
}
