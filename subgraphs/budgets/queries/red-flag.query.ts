import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ContractRedFlag } from '../entities/contract-red-flag.entity';
import type { Contract } from '../entities/contract.entity';
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
