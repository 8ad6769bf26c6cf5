import type DataLoader from 'dataloader';
import { type PageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { loaderByKey, loaderPageBy } from '../../kit/loaders';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetProgram } from '../entities/budget-program.entity';
import { SpendingChain } from '../entities/spending-chain.object';
import { chainFromRaw, selectMoments } from '../queries/spending-chain.query';

export const programById = (ctx: SubgraphContext) => loaderByKey(ctx, BudgetProgram);

export const programLines = (ctx: SubgraphContext, window: PageWindow) => loaderPageBy(ctx, BudgetLine, 'programId', window);

/** A program's totals: one grouped SUM for every program on the page. */
export function programTotals(ctx: SubgraphContext): DataLoader<string, SpendingChain> {
  return ctx.loaders.get('BudgetProgram.totals', async (ids: readonly string[]) => {
    const query = ctx.dataSource.getRepository(BudgetLine).createQueryBuilder('l').select('l.programId', 'key');
    const rows: Record<string, unknown>[] = await selectMoments(query, 'l')
      .where('l.programId IN (:...ids)', { ids: [...ids] })
      .groupBy('l.programId')
      .getRawMany();
    const byKey = new Map(rows.map((row) => [String(row.key), row]));
    return ids.map((id) => chainFromRaw(byKey.get(id)));
  });
}
