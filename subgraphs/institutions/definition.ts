import type { DataSource } from 'typeorm';
import type { SubgraphDefinition } from '../kit/start-subgraph';
import { GuarantorYear } from './entities/guarantor-year.entity';
import { Institution } from './entities/institution.entity';
import { OpenGovernmentScore } from './entities/open-government-score.entity';
import { StateIndicator } from './entities/state-indicator.entity';
import { State } from './entities/state.entity';
import { TechnicalSecretariat } from './entities/technical-secretariat.entity';
import { searchSources } from './queries/search-results.query';
import { loadSample } from './sample';
import { buildSchema } from './schema';

export const definition: SubgraphDefinition = {
  name: 'institutions',
  entities: [State, OpenGovernmentScore, StateIndicator, Institution, GuarantorYear, TechnicalSecretariat],
  search: searchSources,
  buildSchema,
  loadSample,
  isEmpty: async (dataSource: DataSource) => (await dataSource.getRepository(State).count()) === 0,
};
