import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../kit/config';
import { loadSampleSteps, type SampleStep } from '../kit/import/sample';
import { localActionPlans } from './importers/local-action-plans.format';

/** INAI's local action plans and commitments, with the illustrative detail layer. */
export const SAMPLE: readonly SampleStep[] = [[localActionPlans, ['ogp-local', 'illustrative']]];

export const loadSample = (dataSource: DataSource, config: SubgraphConfig) => loadSampleSteps(dataSource, config.dataDirectory, SAMPLE);
