import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../kit/config';
import { sampleLoad } from '../kit/import/data-loads';
import { loadAllOrNothing } from '../kit/import/importing';
import { parseLocalActionPlans, shippedFiles, writeLocalActionPlans } from './importers/local-action-plans.importer';

/** Loads INAI's local action plans and commitments, with the illustrative detail layer, from the data folder. */
export async function loadSample(dataSource: DataSource, config: SubgraphConfig): Promise<void> {
  const startedAt = new Date();
  const files = shippedFiles(config.dataDirectory);
  const parsed = parseLocalActionPlans(files);
  await loadAllOrNothing(
    dataSource,
    [],
    (manager) => writeLocalActionPlans(manager, parsed),
    sampleLoad(startedAt, Object.values(files), [parsed]),
  );
}
