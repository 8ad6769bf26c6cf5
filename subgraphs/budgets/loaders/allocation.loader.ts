import type { SubgraphContext } from '../../kit/context';
import { loaderByKey, loaderManyBy } from '../../kit/loaders';
import { Allocation } from '../entities/allocation.entity';
import { SpendingFlag } from '../../kit/spending';
import { SpendingChain } from '../entities/spending-chain.object';
import { scopedLines } from '../queries/allocation.query';
import { chainFromRaw, selectMoments } from '../queries/spending-chain.query';

export const allocationById = (ctx: SubgraphContext) => loaderByKey(ctx, Allocation);

export const allocationsByCommitment = (ctx: SubgraphContext) => loaderManyBy(ctx, Allocation, 'commitmentId');

/** One allocation's funding within its scope; a municipal scope is finer than the state-level data. */
export function allocationFunding(ctx: SubgraphContext, allocation: Allocation): Promise<SpendingChain> {
  if (allocation.municipality !== null) return Promise.resolve(SpendingChain.empty([SpendingFlag.SCOPE_FINER_THAN_DATA]));
  const loader = ctx.loaders.get('Allocation.funding', async (ids: readonly string[]) => {
    const rows: Record<string, unknown>[] = await selectMoments(scopedLines(ctx.dataSource).select('a.id', 'key'), 'l')
      .andWhere('a.id IN (:...ids)', { ids: [...ids] })
      .groupBy('a.id')
      .getRawMany();
    const byKey = new Map(rows.map((row) => [String(row.key), row]));
    return ids.map((id) => chainFromRaw(byKey.get(id)));
  });
  return loader.load(allocation.id);
}
