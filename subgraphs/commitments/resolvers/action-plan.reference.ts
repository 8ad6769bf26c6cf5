import type { SubgraphContext } from '../../shared/context';
import type { ActionPlan } from '../entities/action-plan.entity';
import { actionPlanById } from '../loaders';

export function resolveActionPlanReference(reference: Record<string, unknown>, ctx: SubgraphContext): Promise<ActionPlan | null> {
  return actionPlanById(ctx).load(String(reference.id));
}
