import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../kit/config';
import { loadSampleSteps, type SampleStep } from '../kit/import/sample';
import { guarantorBodies } from './importers/guarantor-bodies.format';
import { metric } from './importers/metric.format';
import { ocdsBuyers } from './importers/ocds-buyers.format';
import { pefInstitutions } from './importers/pef-institutions.format';
import { stateIndicators } from './importers/state-indicators.format';
import { states } from './importers/states.format';
import { technicalSecretariats } from './importers/technical-secretariats.format';

/**
 * The shipped sample, format by format (paths under the data folder). The budget files come before the OCDS buyers so
 * that SHCP's names win; pef-institutions reads 2018 before 2017 itself.
 */
export const SAMPLE: readonly SampleStep[] = [
  [states, []],
  [metric, ['metrica-gobierno-abierto/indicadores_estatales_datos.csv']],
  [stateIndicators, ['metrica-gobierno-abierto']],
  [pefInstitutions, ['shcp-pef/2018.sample.csv', 'shcp-pef/2017.sample.csv']],
  [ocdsBuyers, ['ocds/federal']],
  [guarantorBodies, ['organos-garantes/inai-data.json']],
  [technicalSecretariats, ['ogp-local/ejercicios_locales.csv']],
];

export const loadSample = (dataSource: DataSource, config: SubgraphConfig) => loadSampleSteps(dataSource, config.dataDirectory, SAMPLE);
