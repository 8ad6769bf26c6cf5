import type { SubgraphDefinition } from '../shared/start-subgraph';
import { ActionPlan } from './entities/action-plan.entity';
import { Commitment } from './entities/commitment.entity';
import { loadSample } from './sample';
import { buildCommitmentsSchema } from './schema';

export const definition: SubgraphDefinition = {
  name: 'commitments',
  entities: [ActionPlan, Commitment],
  buildSchema: buildCommitmentsSchema,
  loadSample,
  isEmpty: async (dataSource) => (await dataSource.getRepository(ActionPlan).count()) === 0,
};
