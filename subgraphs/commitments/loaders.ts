import type { PageWindow } from '../kit/connection';
import type { SubgraphContext } from '../kit/context';
import { loaderByKey, loaderManyBy, loaderPageBy } from '../kit/loaders';
import { ActionPlan } from './entities/action-plan.entity';
import { Commitment } from './entities/commitment.entity';
import { OgpActionPlan } from './entities/ogp-action-plan.entity';

export const actionPlanById = (ctx: SubgraphContext) => loaderByKey(ctx, ActionPlan);

export const commitmentById = (ctx: SubgraphContext) => loaderByKey(ctx, Commitment);

export const actionPlansByState = (ctx: SubgraphContext) => loaderManyBy(ctx, ActionPlan, 'stateId');

export const ogpActionPlanById = (ctx: SubgraphContext) => loaderByKey(ctx, OgpActionPlan);

export const ogpActionPlansByState = (ctx: SubgraphContext) => loaderManyBy(ctx, OgpActionPlan, 'stateId');

/** Local and OGP plans' commitments share the `actionPlanId` column, so this one loader serves both plan types. */
export const commitmentPagesByActionPlan = (ctx: SubgraphContext, window: PageWindow) =>
  loaderPageBy(ctx, Commitment, 'actionPlanId', window);

export const commitmentPagesByInstitution = (ctx: SubgraphContext, window: PageWindow) =>
  loaderPageBy(ctx, Commitment, 'responsibleInstitutionId', window);
