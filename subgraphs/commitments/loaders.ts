import type { PageWindow } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { loaderByKey, loaderManyBy, loaderPageBy } from '../shared/loaders';
import { ActionPlan } from './entities/action-plan.entity';
import { Commitment } from './entities/commitment.entity';

export const actionPlanById = (ctx: SubgraphContext) => loaderByKey(ctx, ActionPlan);

export const commitmentById = (ctx: SubgraphContext) => loaderByKey(ctx, Commitment);

export const actionPlansByState = (ctx: SubgraphContext) => loaderManyBy(ctx, ActionPlan, 'stateId');

export const commitmentPagesByActionPlan = (ctx: SubgraphContext, window: PageWindow) =>
  loaderPageBy(ctx, Commitment, 'actionPlanId', window);

export const commitmentPagesByInstitution = (ctx: SubgraphContext, window: PageWindow) =>
  loaderPageBy(ctx, Commitment, 'responsibleInstitutionId', window);
