import type DataLoader from 'dataloader';
import { In, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';
import { toPage, type Page, type PageWindow } from './connection';
import type { SubgraphContext } from './context';

type Key = string | number;

/**
 * Entities by a unique column (usually the id), in key order, null for a key that does not exist: the
 * loader behind every `__resolveReference` and every to-one relation.
 */
export function loaderByKey<E extends ObjectLiteral>(
  ctx: SubgraphContext,
  entity: EntityTarget<E>,
  column: keyof E & string = 'id',
): DataLoader<Key, E | null> {
  const repository = ctx.dataSource.getRepository(entity);
  return ctx.loaders.get(`${repository.metadata.name}.by.${column}`, async (keys: readonly Key[]) => {
    const rows = await repository.find({ where: { [column]: In([...keys]) } as never });
    const byKey = new Map(rows.map((row) => [String(row[column]), row]));
    return keys.map((key) => byKey.get(String(key)) ?? null);
  });
}

/** Every entity whose `column` equals the key (children of a parent), ordered by id: to-many relations. */
export function loaderManyBy<E extends ObjectLiteral>(
  ctx: SubgraphContext,
  entity: EntityTarget<E>,
  column: keyof E & string,
  orderBy: keyof E & string = 'id',
): DataLoader<Key, E[]> {
  const repository = ctx.dataSource.getRepository(entity);
  return ctx.loaders.get(`${repository.metadata.name}.manyBy.${column}`, async (keys: readonly Key[]) => {
    const rows = await repository.find({
      where: { [column]: In([...keys]) } as never,
      order: { [orderBy]: 'ASC' } as never,
    });
    return groupInKeyOrder(keys, rows, (row) => row[column]);
  });
}

export function groupInKeyOrder<T>(keys: readonly Key[], rows: T[], keyOf: (row: T) => unknown): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = String(keyOf(row));
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(String(key)) ?? []);
}

/**
 * A page of children for many parents at once — a nested connection such as a program's budget lines —
 * in two statements whatever the number of parents: the rows (ROW_NUMBER per parent, cut at `first + 1`)
 * and the counts (GROUP BY parent). Both SQLite and PostgreSQL have the window function.
 */
export function loaderPageBy<E extends ObjectLiteral>(
  ctx: SubgraphContext,
  entity: EntityTarget<E>,
  parentColumn: keyof E & string,
  window: PageWindow,
  idColumn: keyof E & string = 'id',
  filter?: RowFilter,
): DataLoader<Key, Page<E>> {
  const repository = ctx.dataSource.getRepository(entity);
  const name = `${repository.metadata.name}.pageBy.${parentColumn}.${window.first}.${window.afterKey ?? ''}.${filter?.name ?? ''}`;
  return ctx.loaders.get(name, async (keys: readonly Key[]) => {
    const [rows, counts] = await Promise.all([
      pagedRows(repository, parentColumn, idColumn, [...keys], window, filter),
      countsBy(repository, parentColumn, [...keys], filter),
    ]);
    const groups = groupInKeyOrder(keys, rows, (row) => row[parentColumn]);
    return groups.map((group, i) => toPage(group, window, counts.get(String(keys[i])) ?? 0, (row) => String(row[idColumn])));
  });
}

/**
 * A condition on the children besides their parent (e.g. only public reports), on alias `t` with quoted column names;
 * `name` tells loaders with different conditions apart.
 */
export interface RowFilter {
  name: string;
  where: string;
  parameters: Record<string, unknown>;
}

async function pagedRows<E extends ObjectLiteral>(
  repository: Repository<E>,
  parentColumn: string,
  idColumn: string,
  parents: Key[],
  window: PageWindow,
  filter?: RowFilter,
): Promise<E[]> {
  const { metadata } = repository;
  const driver = repository.manager.connection.driver;
  const parent = driver.escape(metadata.findColumnWithPropertyName(parentColumn)!.databaseName);
  const id = driver.escape(metadata.findColumnWithPropertyName(idColumn)!.databaseName);
  const inner = repository
    .createQueryBuilder('t')
    .select('t.*')
    .addSelect(`ROW_NUMBER() OVER (PARTITION BY t.${parent} ORDER BY t.${id})`, 'page_position')
    .where(`t.${parent} IN (:...parents)`, { parents });
  if (window.afterKey !== null) inner.andWhere(`t.${id} > :afterKey`, { afterKey: window.afterKey });
  if (filter) inner.andWhere(filter.where, filter.parameters);
  const raw: Record<string, unknown>[] = await repository.manager
    .createQueryBuilder()
    .select('paged.*')
    .from(`(${inner.getQuery()})`, 'paged')
    .where('paged.page_position <= :limit', { limit: window.first + 1 })
    .orderBy(`paged.${parent}`)
    .addOrderBy('paged.page_position')
    .setParameters(inner.getParameters())
    .getRawMany();
  return raw.map((row) => hydrate(repository, row));
}

/** Builds an entity from raw columns the way TypeORM would, transformers (Money) included. */
function hydrate<E extends ObjectLiteral>(repository: Repository<E>, row: Record<string, unknown>): E {
  const driver = repository.manager.connection.driver;
  const entity = repository.create();
  for (const column of repository.metadata.columns) {
    column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

async function countsBy<E extends ObjectLiteral>(repository: Repository<E>, parentColumn: string, parents: Key[], filter?: RowFilter) {
  const query = repository
    .createQueryBuilder('t')
    .select(`t.${parentColumn}`, 'parent')
    .addSelect('COUNT(*)', 'total')
    .where(`t.${parentColumn} IN (:...parents)`, { parents });
  if (filter) query.andWhere(filter.where, filter.parameters);
  const rows: { parent: unknown; total: unknown }[] = await query.groupBy(`t.${parentColumn}`).getRawMany();
  return new Map(rows.map((row) => [String(row.parent), Number(row.total)]));
}
