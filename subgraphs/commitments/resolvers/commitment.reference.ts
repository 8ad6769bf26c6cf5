import type { SubgraphContext } from '../../shared/context';
import type { Commitment } from '../entities/commitment.entity';
import { commitmentById } from '../loaders';

export function resolveCommitmentReference(reference: Record<string, unknown>, ctx: SubgraphContext): Promise<Commitment | null> {
  return commitmentById(ctx).load(String(reference.id));
}
