import type { SubgraphContext } from '../../kit/context';
import { Allocation } from '../entities/allocation.entity';
import { SpendingFlag } from '../../kit/spending';
import { SpendingChain } from '../entities/spending-chain.object';
import { scopedLines } from '../queries/allocation.query';
import { chainFromRaw, selectMoments } from '../queries/spending-chain.query';
import { allocationsByCommitment } from './allocation.loader';
import { groupInKeyOrder } from '../../kit/loaders';
import { sumOfYears } from '../resolvers/real-pesos.views';

/**
 * A commitment's funding: the lines of all its allocations' scopes, each line counted once, exactly as published or in
 * real pesos of `base` (its programs may span several fiscal years: each year is deflated on its own). Amounts are
 * null (never a wider total) when any allocation's scope is a municipality, or when no allocation exists.
 */
export async function commitmentFunding(ctx: SubgraphContext, commitmentId: string, base: number | null): Promise<SpendingChain> {
  const allocations = await allocationsByCommitment(ctx).load(commitmentId);
  if (allocations.length === 0) return sumOfYears(ctx, [], base, [SpendingFlag.NO_ALLOCATIONS]);
  if (allocations.some((a) => a.municipality !== null)) return sumOfYears(ctx, [], base, [SpendingFlag.SCOPE_FINER_THAN_DATA]);
  return sumOfYears(ctx, await fundingByYear(ctx).load(commitmentId), base, []);
}

/** Each commitment's funding per fiscal year, for every commitment asked at one level in one statement. */
function fundingByYear(ctx: SubgraphContext) {
  return ctx.loaders.get('Commitment.fundingByYear', async (ids: readonly string[]) => {
    const groups = await allocationsByCommitment(ctx).loadMany([...ids]);
    const disjoint = groups.flatMap((group) => (group instanceof Error ? [] : disjointScopes(group)));
    const rows: Record<string, unknown>[] = await selectMoments(
      scopedLines(ctx.dataSource).select('a.commitmentId', 'key').addSelect('l.fiscalYear', 'year'),
      'l',
    )
      .andWhere('a.id IN (:...ids)', { ids: disjoint.map((a) => a.id) })
      .groupBy('a.commitmentId')
      .addGroupBy('l.fiscalYear')
      .getRawMany();
    const byKey = groupInKeyOrder(ids, rows, (row) => row.key);
    return byKey.map((years) => years.map((row) => ({ year: Number(row.year), chain: chainFromRaw(row) })));
  });
}

/** Drops state scopes already covered by a national scope of the same program, so no line is summed twice. */
function disjointScopes(allocations: Allocation[]): Allocation[] {
  const national = new Set(allocations.filter((a) => a.stateId === null).map((a) => a.programId));
  return allocations.filter((a) => a.stateId === null || !national.has(a.programId));
}
