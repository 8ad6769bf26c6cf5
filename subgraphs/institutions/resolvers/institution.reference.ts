import type { SubgraphContext } from '../../shared/context';
import { institutionById } from '../loaders';

/** The gateway asks for institutions by key; unknown ids come back null. */
export function resolveInstitutionReference(reference: Record<string, unknown>, ctx: SubgraphContext) {
  return institutionById(ctx).load(String(reference.id));
}
