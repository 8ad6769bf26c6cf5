import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../kit/config';
import { sampleLoad } from '../kit/import/data-loads';
import { loadAllOrNothing } from '../kit/import/importing';
import { parseGuarantorBodies, writeGuarantorBodies } from './importers/guarantor-bodies.importer';
import { parseMetric, writeMetric } from './importers/metric.importer';
import { ocdsFiles, parseOcdsBuyers, writeOcdsBuyers } from './importers/ocds-buyers.importer';
import { parsePef, writePef } from './importers/pef.importer';
import {
  INDICATORS_DATA_FILE,
  INDICATORS_DICTIONARY_FILE,
  parseStateIndicators,
  writeStateIndicators,
} from './importers/state-indicators.importer';
import { parseStates, writeStates } from './importers/states.importer';
import { parseSecretariats, writeSecretariats } from './importers/technical-secretariats.importer';

/**
 * Loads the shipped sample through every importer: all inputs are validated first, then written in one
 * transaction. The budget files come before the OCDS buyers so that SHCP's names win, and 2018 before 2017.
 */
export async function loadSample(dataSource: DataSource, config: SubgraphConfig): Promise<void> {
  const startedAt = new Date();
  const data = (relative: string) => path.join(config.dataDirectory, relative);
  const pefFile = (year: number) => ({ file: data(`shcp-pef/${year}.sample.csv`), dataset: `shcp-pef-${year}-sample` });

  const metricFile = data(`metrica-gobierno-abierto/${INDICATORS_DATA_FILE}`);
  const dictionaryFile = data(`metrica-gobierno-abierto/${INDICATORS_DICTIONARY_FILE}`);
  const guarantorFile = data('organos-garantes/inai-data.json');
  const secretariatFile = data('ogp-local/ejercicios_locales.csv');

  const pefFiles = [pefFile(2018), pefFile(2017)];
  const buyerFiles = ocdsFiles(data('ocds/federal'));

  const states = parseStates();
  const metric = parseMetric(metricFile);
  const indicators = parseStateIndicators({ data: metricFile, dictionary: dictionaryFile });
  const pef = parsePef(pefFiles);
  const buyers = parseOcdsBuyers(buyerFiles);
  const guarantors = parseGuarantorBodies(guarantorFile);
  const secretariats = parseSecretariats(secretariatFile);

  const parsed = [states, metric, indicators, pef, buyers, guarantors, secretariats];
  const files = [metricFile, dictionaryFile, ...pefFiles.map((input) => input.file), ...buyerFiles, guarantorFile, secretariatFile];
  await loadAllOrNothing(
    dataSource,
    parsed,
    async (manager) => {
      await writeStates(manager, states);
      await writeMetric(manager, metric);
      await writeStateIndicators(manager, indicators);
      await writePef(manager, pef);
      await writeOcdsBuyers(manager, buyers);
      await writeGuarantorBodies(manager, guarantors);
      await writeSecretariats(manager, secretariats);
    },
    sampleLoad(startedAt, files, parsed),
  );
}
