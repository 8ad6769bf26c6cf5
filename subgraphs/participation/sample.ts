import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../kit/config';
import { loadSampleSteps, type SampleStep } from '../kit/import/sample';
import { ProgrammeFigureRow } from './entities/programme-figure.entity';
import { programmeFigures } from './importers/programme-figures.format';

/** Reports and progress come from people; the only files are the programme's own figures. */
export const SAMPLE: readonly SampleStep[] = [[programmeFigures, ['participation/cocreacion-2017.csv']]];

export const loadSample = (dataSource: DataSource, config: SubgraphConfig) => loadSampleSteps(dataSource, config.dataDirectory, SAMPLE);
export const isEmpty = async (dataSource: DataSource) => (await dataSource.getRepository(ProgrammeFigureRow).count()) === 0;
