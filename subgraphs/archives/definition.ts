import type { DataSource } from 'typeorm';
import type { SubgraphDefinition } from '../kit/start-subgraph';
import { ClassificationSection } from './entities/classification-section.entity';
import { ClassificationSeries } from './entities/classification-series.entity';
import { ClassificationSubseries } from './entities/classification-subseries.entity';
import { ArchivalRecord } from './entities/record.entity';
import { RecordSubject } from './entities/record-subject.entity';
import { searchSources } from './queries/search-results.query';
import { loadSample } from './sample';
import { buildSchema } from './schema';

export const definition: SubgraphDefinition = {
  name: 'archives',
  entities: [ClassificationSection, ClassificationSeries, ClassificationSubseries, ArchivalRecord, RecordSubject],
  search: searchSources,
  buildSchema,
  loadSample,
  isEmpty: async (dataSource: DataSource) => (await dataSource.getRepository(ClassificationSeries).count()) === 0,
};
