import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ContractRedFlag } from '../entities/contract-red-flag.entity';
import { Contract } from '../entities/contract.entity';
import { ContractSupplier } from '../entities/contract-supplier.entity';
import { type RedFlagCode, RedFlagStatus } from '../entities/red-flag';
import { addCount, type StatusCounts } from '../resolvers/red-flag.views';

/** Narrows a contract query (alias `c`) to contracts that raise every one of the given flags. */
export function raisingAll(query: SelectQueryBuilder<Contract>, codes: RedFlagCode[]): void {
  codes.forEach((code, i) => {
    const raised = query
      .subQuery()
      .select('f.contractId')
      .from(ContractRedFlag, 'f')
      .where(`f.code = :flagCode${i} AND f.status = :raised`)
      .getQuery();
    query.andWhere(`c.id IN ${raised}`, { [`flagCode${i}`]: code, raised: RedFlagStatus.RAISED });
  });
}

/** How many contracts a contract query selects, and their stored checks counted by code and status: two statements. */
export async function coverageCounts(
  dataSource: DataSource,
  contracts: SelectQueryBuilder<Contract>,
): Promise<{ contracts: number; counts: StatusCounts }> {
  const total = await contracts.clone().getCount();
  const ids = contracts.clone().select('c.id');
  const rows: { code: RedFlagCode; status: RedFlagStatus; count: unknown }[] = await dataSource
    .getRepository(ContractRedFlag)
    .createQueryBuilder('f')
    .select('f.code', 'code')
    .addSelect('f.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .where(`f.contractId IN (${ids.getQuery()})`)
    .setParameters(ids.getParameters())
    .groupBy('f.code')
    .addGroupBy('f.status')
    .getRawMany();
  const counts: StatusCounts = {};
  for (const row of rows) addCount(counts, row.code, row.status, Number(row.count));
  return { contracts: total, counts };
}

/** Where contracts are grouped for per-group coverage: the table, the grouping column and the contract id column. */
interface Grouping {
  entity: typeof Contract | typeof ContractSupplier;
  key: string;
  contract: string;
}

export const BY_BUYER: Grouping = { entity: Contract, key: 'g.buyerId', contract: 'g.id' };
export const BY_SUPPLIER: Grouping = { entity: ContractSupplier, key: 'g.supplierKey', contract: 'g.contractId' };

/**
 * Coverage counts for many groups (buyers, suppliers) at once, in two statements: each group's contracts, and their
 * stored checks by code and status. A contract naming the same supplier twice counts once.
 */
export async function coverageByGroup(
  dataSource: DataSource,
  grouping: Grouping,
  keys: readonly string[],
): Promise<Map<string, { contracts: number; counts: StatusCounts }>> {
  const base = () =>
    dataSource
      .getRepository(grouping.entity as typeof Contract)
      .createQueryBuilder('g')
      .select(grouping.key, 'key')
      .where(`${grouping.key} IN (:...keys)`, { keys: [...keys] })
      .groupBy(grouping.key);
  const totals: { key: string; contracts: unknown }[] = await base()
    .addSelect(`COUNT(DISTINCT ${grouping.contract})`, 'contracts')
    .getRawMany();
  const rows: { key: string; code: RedFlagCode; status: RedFlagStatus; count: unknown }[] = await base()
    .innerJoin(ContractRedFlag, 'f', `f.contractId = ${grouping.contract}`)
    .addSelect('f.code', 'code')
    .addSelect('f.status', 'status')
    .addSelect('COUNT(DISTINCT f.id)', 'count')
    .addGroupBy('f.code')
    .addGroupBy('f.status')
    .getRawMany();
  const groups = new Map<string, { contracts: number; counts: StatusCounts }>();
  for (const total of totals) groups.set(String(total.key), { contracts: Number(total.contracts), counts: {} });
  for (const row of rows) {
    const group = groups.get(String(row.key));
    if (group) addCount(group.counts, row.code, row.status, Number(row.count));
  }
  return groups;
}
