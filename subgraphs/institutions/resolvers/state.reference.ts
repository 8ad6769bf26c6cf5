import type { SubgraphContext } from '../../shared/context';
import { stateById } from '../loaders';

/** The gateway asks for states by key; unknown codes come back null. */
export function resolveStateReference(reference: Record<string, unknown>, ctx: SubgraphContext) {
  return stateById(ctx).load(String(reference.id));
}
