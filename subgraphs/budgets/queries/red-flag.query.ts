import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ContractSupplier } from '../entities/contract-supplier.entity';
import { Contract } from '../entities/contract.entity';
import { type RedFlagCode, RedFlagStatus } from '../entities/red-flag.object';
import { RED_FLAG_COLUMNS, STORED_RED_FLAG_CODES, STORED_RED_FLAG_STATUSES } from '../entities/red-flag.columns';
import { addCount, type StatusCounts } from '../resolvers/red-flag.views';

/** Narrows a contract query (alias `c`) to contracts that raise every one of the given flags. */
export function raisingAll(query: SelectQueryBuilder<Contract>, codes: RedFlagCode[]): void {
  for (const code of new Set(codes)) {
    const column = RED_FLAG_COLUMNS[code];
    // A flag never computed (LATE_PUBLICATION) is raised by no contract.
    if (column === undefined) query.andWhere('1 = 0');
    else query.andWhere(`c.${column} = :raisedFlag`, { raisedFlag: RedFlagStatus.RAISED });
  }
}

const countAlias = (code: RedFlagCode, status: RedFlagStatus) => `${code}__${status}`;

/**
 * Adds to a query one count per flag and stored status over the contracts of alias `alias`; with `distinctId`, each
 * contract counts once however many rows a join gives it.
 */
export function selectStatusCounts<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  distinctId = false,
): SelectQueryBuilder<T> {
  for (const code of STORED_RED_FLAG_CODES) {
    const column = `${alias}.${RED_FLAG_COLUMNS[code]}`;
    for (const status of STORED_RED_FLAG_STATUSES) {
      const expression = distinctId
        ? `COUNT(DISTINCT CASE WHEN ${column} = '${status}' THEN ${alias}.id END)`
        : `SUM(CASE WHEN ${column} = '${status}' THEN 1 ELSE 0 END)`;
      query.addSelect(expression, countAlias(code, status));
    }
  }
  return query;
}

/** The counts selectStatusCounts added, read back from a raw row. */
export function statusCountsOf(raw: Record<string, unknown>): StatusCounts {
  const counts: StatusCounts = {};
  for (const code of STORED_RED_FLAG_CODES) {
    for (const status of STORED_RED_FLAG_STATUSES) {
      const count = Number(raw[countAlias(code, status)] ?? 0);
      if (count > 0) addCount(counts, code, status, count);
    }
  }
  return counts;
}

/** How many contracts a contract query selects, and their flags counted by code and status: one statement. */
export async function coverageCounts(
  dataSource: DataSource,
  contracts: SelectQueryBuilder<Contract>,
): Promise<{ contracts: number; counts: StatusCounts }> {
  const ids = contracts.clone().select('c.id');
  const query = dataSource
    .getRepository(Contract)
    .createQueryBuilder('f')
    .select('COUNT(*)', 'contracts')
    .where(`f.id IN (${ids.getQuery()})`)
    .setParameters(ids.getParameters());
  const raw = (await selectStatusCounts(query, 'f').getRawOne<Record<string, unknown>>()) ?? {};
  return { contracts: Number(raw.contracts ?? 0), counts: statusCountsOf(raw) };
}

/** Where contracts are grouped for per-group coverage: the grouping column, joined to the contract when it is not on it. */
interface Grouping {
  key: string;
  joinsSupplier: boolean;
}

export const BY_BUYER: Grouping = { key: 'c.buyerId', joinsSupplier: false };
export const BY_SUPPLIER: Grouping = { key: 'g.supplierKey', joinsSupplier: true };

/**
 * Coverage counts for many groups (buyers, suppliers) at once, in one statement: each group's contracts and their
 * flags by code and status. A contract naming the same supplier twice counts once.
 */
export async function coverageByGroup(
  dataSource: DataSource,
  grouping: Grouping,
  keys: readonly string[],
): Promise<Map<string, { contracts: number; counts: StatusCounts }>> {
  const query = dataSource.getRepository(Contract).createQueryBuilder('c').select(grouping.key, 'key');
  if (grouping.joinsSupplier) query.innerJoin(ContractSupplier, 'g', 'g.contractId = c.id');
  query
    .addSelect('COUNT(DISTINCT c.id)', 'contracts')
    .where(`${grouping.key} IN (:...keys)`, { keys: [...keys] })
    .groupBy(grouping.key);
  const groups = new Map<string, { contracts: number; counts: StatusCounts }>();
  for (const raw of await selectStatusCounts(query, 'c', grouping.joinsSupplier).getRawMany<Record<string, unknown>>()) {
    groups.set(String(raw.key), { contracts: Number(raw.contracts), counts: statusCountsOf(raw) });
  }
  return groups;
}
