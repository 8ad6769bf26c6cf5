import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../kit/config';
import { loadSampleSteps, type SampleStep } from '../kit/import/sample';
import { allocations } from './importers/allocations.format';
import { consumerPrices } from './importers/consumer-prices.format';
import { gdp } from './importers/gdp.format';
import { ocds } from './importers/ocds.format';
import { shcpBudget } from './importers/shcp-budget.format';

/** The shipped budget files, every shipped OCDS file (one folder per publisher), the illustrative links and the two series. */
export const SAMPLE: readonly SampleStep[] = [
  [shcpBudget, ['shcp-pef/2017.sample.csv', 'shcp-pef/2018.sample.csv']],
  [ocds, ['ocds']],
  [allocations, ['allocations/allocations.csv']],
  [consumerPrices, ['economy/IPC.csv']],
  [gdp, ['economy/PIB.csv']],
];

export const loadSample = (dataSource: DataSource, config: SubgraphConfig) => loadSampleSteps(dataSource, config.dataDirectory, SAMPLE);
