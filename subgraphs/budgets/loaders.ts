import type DataLoader from 'dataloader';
import { In, type SelectQueryBuilder } from 'typeorm';
import { toPage, type Page, type PageWindow } from '../kit/connection';
import type { SubgraphContext } from '../kit/context';
import { groupInKeyOrder, loaderByKey, loaderManyBy, loaderPageBy } from '../kit/loaders';
import { Allocation } from './entities/allocation.entity';
import { BudgetLine } from './entities/budget-line.entity';
import { BudgetProgram } from './entities/budget-program.entity';
import { ContractProgram } from './entities/contract-program.entity';
import { Contract } from './entities/contract.entity';
import { ProgramAccount } from './entities/program-account.entity';
import { SpendingChain, SpendingFlag } from './entities/spending-chain';
import { Transaction } from './entities/transaction.entity';
import type { BudgetLineFilter } from './resolvers/budget-line.input';
import { chainFromRaw, selectMoments } from './sums';

export const programById = (ctx: SubgraphContext) => loaderByKey(ctx, BudgetProgram);
export const lineById = (ctx: SubgraphContext) => loaderByKey(ctx, BudgetLine);
export const contractById = (ctx: SubgraphContext) => loaderByKey(ctx, Contract);
export const transactionById = (ctx: SubgraphContext) => loaderByKey(ctx, Transaction);
export const allocationById = (ctx: SubgraphContext) => loaderByKey(ctx, Allocation);
export const allocationsByCommitment = (ctx: SubgraphContext) => loaderManyBy(ctx, Allocation, 'commitmentId');
export const linksByContract = (ctx: SubgraphContext) => loaderManyBy(ctx, ContractProgram, 'contractId');
export const linksByProgram = (ctx: SubgraphContext) => loaderManyBy(ctx, ContractProgram, 'programId');
export const transactionsByContract = (ctx: SubgraphContext) => loaderManyBy(ctx, Transaction, 'contractId');
export const accountById = (ctx: SubgraphContext) => loaderByKey(ctx, ProgramAccount);
export const accountsByProgram = (ctx: SubgraphContext) => loaderManyBy(ctx, ProgramAccount, 'programId');
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

export function isRamoId(id: string): boolean {
  return id.startsWith('MX-RAMO-');
}

/**
 * The lines an allocation's scope can be matched with: same program and, when the scope names a state, the same
 * state. A national scope (no state) matches every line of the program; a municipal scope matches nothing here.
 */
function scopedLines(ctx: SubgraphContext): SelectQueryBuilder<Allocation> {
  return ctx.dataSource
    .getRepository(Allocation)
    .createQueryBuilder('a')
    .innerJoin(BudgetLine, 'l', 'l.programId = a.programId AND (a.stateId IS NULL OR l.stateId = a.stateId)')
    .where('a.municipality IS NULL');
}

/** One allocation's funding within its scope; a municipal scope is finer than the state-level data. */
export function allocationFunding(ctx: SubgraphContext, allocation: Allocation): Promise<SpendingChain> {
  if (allocation.municipality !== null) return Promise.resolve(SpendingChain.empty([SpendingFlag.SCOPE_FINER_THAN_DATA]));
  const loader = ctx.loaders.get('Allocation.funding', async (ids: readonly string[]) => {
    const rows: Record<string, unknown>[] = await selectMoments(scopedLines(ctx).select('a.id', 'key'), 'l')
      .andWhere('a.id IN (:...ids)', { ids: [...ids] })
      .groupBy('a.id')
      .getRawMany();
    const byKey = new Map(rows.map((row) => [String(row.key), row]));
    return ids.map((id) => chainFromRaw(byKey.get(id)));
  });
  return loader.load(allocation.id);
}

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
    const rows: Record<string, unknown>[] = await selectMoments(scopedLines(ctx).select('a.commitmentId', 'key'), 'l')
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

/** Contracts charged to any of the given programs, each once, in id order. */
export async function contractsOfPrograms(ctx: SubgraphContext, programIds: string[]): Promise<Contract[]> {
  const links = (await linksByProgram(ctx).loadMany(programIds)).flatMap((group) => (group instanceof Error ? [] : group));
  const ids = [...new Set(links.map((link) => link.contractId))].sort();
  const contracts = await contractById(ctx).loadMany(ids);
  return contracts.filter((c): c is Contract => c instanceof Contract);
}

export function applyLineFilter(
  query: SelectQueryBuilder<BudgetLine>,
  filter: BudgetLineFilter | null | undefined,
): SelectQueryBuilder<BudgetLine> {
  const alias = query.alias;
  if (!filter) return query;
  if (filter.fiscalYear != null) query.andWhere(`${alias}.fiscalYear = :fiscalYear`, { fiscalYear: filter.fiscalYear });
  if (filter.programId != null) query.andWhere(`${alias}.programId = :programId`, { programId: filter.programId });
  if (filter.institutionId != null) {
    const column = isRamoId(filter.institutionId) ? 'ramoInstitutionId' : 'institutionId';
    query.andWhere(`${alias}.${column} = :institutionId`, { institutionId: filter.institutionId });
  }
  if (filter.stateId != null) query.andWhere(`${alias}.stateId = :stateId`, { stateId: filter.stateId });
  if (filter.chapter != null) query.andWhere(`${alias}.chapterCode = :chapter`, { chapter: filter.chapter });
  return query;
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
      applyLineFilter(repository.createQueryBuilder('l').where(`l.${column} IN (:...parents)`, { parents: [...parents] }), filter);
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
