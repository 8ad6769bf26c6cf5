import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { toPage, type Page, type PageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { isRamoId } from '../../kit/ids';
import { groupInKeyOrder, loaderByKey } from '../../kit/loaders';
import { BudgetLine } from '../entities/budget-line.entity';
import { SpendingChain } from '../entities/spending-chain.object';
import { filterBudgetLines } from '../queries/budget-line.query';
import { chainFromRaw, selectMoments } from '../queries/spending-chain.query';
import type { BudgetLineFilter } from '../resolvers/budget-line.input';

export const lineById = (ctx: SubgraphContext) => loaderByKey(ctx, BudgetLine);

type YearColumn = 'institutionId' | 'ramoInstitutionId' | 'stateId';

/** The budget of many (id, fiscal year) pairs in one grouped SUM: an institution's, a ramo's or a state's year. */
function yearlyTotals(ctx: SubgraphContext, column: YearColumn): DataLoader<string, SpendingChain> {
  return ctx.loaders.get(`BudgetLine.yearly.${column}`, async (keys: readonly string[]) => {
    const pairs = keys.map((key) => key.split('|'));
    const query = ctx.dataSource
      .getRepository(BudgetLine)
      .createQueryBuilder('l')
      .select(`l.${column}`, 'key')
      .addSelect('l.fiscalYear', 'year');
    const rows: Record<string, unknown>[] = await selectMoments(query, 'l')
      .where(`l.${column} IN (:...ids)`, { ids: [...new Set(pairs.map(([id]) => id))] })
      .andWhere('l.fiscalYear IN (:...years)', { years: [...new Set(pairs.map(([, year]) => Number(year)))] })
      .groupBy(`l.${column}`)
      .addGroupBy('l.fiscalYear')
      .getRawMany();
    const byKey = new Map(rows.map((row) => [`${row.key}|${row.year}`, row]));
    return keys.map((key) => chainFromRaw(byKey.get(key)));
  });
}

/** An institution's budget in a year: its own lines, or every line of the ramo for a `MX-RAMO-xx` id. */
export function institutionBudget(ctx: SubgraphContext, id: string, fiscalYear: number): Promise<SpendingChain> {
  return yearlyTotals(ctx, isRamoId(id) ? 'ramoInstitutionId' : 'institutionId').load(`${id}|${fiscalYear}`);
}

export function stateBudget(ctx: SubgraphContext, id: string, fiscalYear: number): Promise<SpendingChain> {
  return yearlyTotals(ctx, 'stateId').load(`${id}|${fiscalYear}`);
}

/**
 * A filtered page of budget lines for many institutions at once. The kit's loaderPageBy pages by parent only; this
 * adds the filter, in three statements whatever the number of parents: page ids (ROW_NUMBER per parent), the
 * lines by id, and the counts.
 */
export function institutionLines(
  ctx: SubgraphContext,
  institutionId: string,
  filter: BudgetLineFilter | null | undefined,
  window: PageWindow,
): Promise<Page<BudgetLine>> {
  const column = isRamoId(institutionId) ? 'ramoInstitutionId' : 'institutionId';
  const name = `BudgetLine.pageBy.${column}.${JSON.stringify(filter ?? {})}.${window.first}.${window.afterKey ?? ''}`;
  const loader = ctx.loaders.get(name, async (parents: readonly string[]) => {
    const repository = ctx.dataSource.getRepository(BudgetLine);
    const scoped = () =>
      filterBudgetLines(repository.createQueryBuilder('l').where(`l.${column} IN (:...parents)`, { parents: [...parents] }), filter);
    const inner = scoped().select('l.id', 'id').addSelect(`ROW_NUMBER() OVER (PARTITION BY l.${column} ORDER BY l.id)`, 'page_position');
    if (window.afterKey !== null) inner.andWhere('l.id > :afterKey', { afterKey: window.afterKey });
    const [paged, counts] = await Promise.all([
      repository.manager
        .createQueryBuilder()
        .select('paged.id', 'id')
        .from(`(${inner.getQuery()})`, 'paged')
        .where('paged.page_position <= :limit', { limit: window.first + 1 })
        .setParameters(inner.getParameters())
        .getRawMany<{ id: string }>(),
      scoped()
        .select(`l.${column}`, 'parent')
        .addSelect('COUNT(*)', 'total')
        .groupBy(`l.${column}`)
        .getRawMany<{ parent: string; total: unknown }>(),
    ]);
    const lines = paged.length === 0 ? [] : await repository.find({ where: { id: In(paged.map((row) => row.id)) }, order: { id: 'ASC' } });
    const total = new Map(counts.map((row) => [String(row.parent), Number(row.total)]));
    return groupInKeyOrder(parents, lines, (line) => line[column]).map((group, i) =>
      toPage(group, window, total.get(parents[i]) ?? 0, (line) => line.id),
    );
  });
  return loader.load(institutionId);
}
