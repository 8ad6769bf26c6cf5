import type { SubgraphDefinition } from '../kit/start-subgraph';
import { ActionPlan } from './entities/action-plan.entity';
import { Commitment } from './entities/commitment.entity';
import { OgpActionPlan } from './entities/ogp-action-plan.entity';
import { searchSources } from './queries/search-results.query';
import { loadSample } from './sample';
import { buildSchema } from './schema';

export const definition: SubgraphDefinition = {
  name: 'commitments',
  entities: [ActionPlan, Commitment, OgpActionPlan],
  search: searchSources,
  buildSchema,
  loadSample,
  isEmpty: async (dataSource) => (await dataSource.getRepository(ActionPlan).count()) === 0,
};
