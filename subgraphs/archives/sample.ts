import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../kit/config';
import { loadSampleSteps, type SampleStep } from '../kit/import/sample';
import { archivalCatalogue } from './importers/archival-catalogue.format';
import { records } from './importers/records.format';

/** The SRE's classification chart and disposition catalogue, then the ILLUSTRATIVE records filed against it. */
export const SAMPLE: readonly SampleStep[] = [
  [archivalCatalogue, ['archives']],
  [records, ['illustrative']],
];

export const loadSample = (dataSource: DataSource, config: SubgraphConfig) => loadSampleSteps(dataSource, config.dataDirectory, SAMPLE);
