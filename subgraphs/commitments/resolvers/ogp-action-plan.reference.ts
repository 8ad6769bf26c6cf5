import type { SubgraphContext } from '../../shared/context';
import type { OgpActionPlan } from '../entities/ogp-action-plan.entity';
import { ogpActionPlanById } from '../loaders';

export function resolveOgpActionPlanReference(reference: Record<string, unknown>, ctx: SubgraphContext): Promise<OgpActionPlan | null> {
  return ogpActionPlanById(ctx).load(String(reference.id));
}
