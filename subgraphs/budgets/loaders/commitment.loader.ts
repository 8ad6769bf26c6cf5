import type { SubgraphContext } from '../../kit/context';
import { Allocation } from '../entities/allocation.entity';
import { SpendingFlag } from '../../kit/spending';
import { SpendingChain } from '../entities/spending-chain';
import { scopedLines } from '../queries/allocation.query';
import { chainFromRaw, selectMoments } from '../queries/spending-chain.query';
import { allocationsByCommitment } from './allocation.loader';

/**
 * A commitment's funding: the lines of all its allocations' scopes, each line counted once. Amounts are null
 * (never a wider total) when any allocation's scope is a municipality, or when no allocation exists.
 */
export async function commitmentFunding(ctx: SubgraphContext, commitmentId: string): Promise<SpendingChain> {
  const allocations = await allocationsByCommitment(ctx).load(commitmentId);
  if (allocations.length === 0) return SpendingChain.empty([SpendingFlag.NO_ALLOCATIONS]);
  if (allocations.some((a) => a.municipality !== null)) return SpendingChain.empty([SpendingFlag.SCOPE_FINER_THAN_DATA]);
  const loader = ctx.loaders.get('Commitment.funding', async (ids: readonly string[]) => {
    const groups = await allocationsByCommitment(ctx).loadMany([...ids]);
    const disjoint = groups.flatMap((group) => (group instanceof Error ? [] : disjointScopes(group)));
    const rows: Record<string, unknown>[] = await selectMoments(scopedLines(ctx.dataSource).select('a.commitmentId', 'key'), 'l')
      .andWhere('a.id IN (:...ids)', { ids: disjoint.map((a) => a.id) })
      .groupBy('a.commitmentId')
      .getRawMany();
    const byKey = new Map(rows.map((row) => [String(row.key), row]));
    return ids.map((id) => chainFromRaw(byKey.get(id)));
  });
  return loader.load(commitmentId);
}

/** Drops state scopes already covered by a national scope of the same program, so no line is summed twice. */
function disjointScopes(allocations: Allocation[]): Allocation[] {
  const national = new Set(allocations.filter((a) => a.stateId === null).map((a) => a.programId));
  return allocations.filter((a) => a.stateId === null || !national.has(a.programId));
}
