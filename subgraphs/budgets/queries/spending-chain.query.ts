import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { readMoneySum, sumMoneySql } from '../../kit/money-sum';
import { SAMPLE_DATASETS } from '../entities/budget-line.entity';
import type { SpendingFlag } from '../../kit/spending';
import { SpendingChain } from '../entities/spending-chain.object';

export const MOMENTS = ['approved', 'modified', 'committed', 'accrued', 'exercised', 'paid'] as const;

/**
 * Adds the exact sums of the six moments over the budget lines aliased `alias`: SUM skips nulls and is null when
 * every line is null, which is exactly "no figure"; sumMoneySql keeps the sum exact on both engines at any size.
 */
export function selectMoments<E extends ObjectLiteral>(query: SelectQueryBuilder<E>, alias: string): SelectQueryBuilder<E> {
  for (const moment of MOMENTS) query.addSelect(sumMoneySql(query.connection, `${alias}.${moment}`), moment);
  return query
    .addSelect('COUNT(*)', 'lineCount')
    .addSelect(`SUM(CASE WHEN ${alias}.source.dataset IN (:...sampleDatasets) THEN 1 ELSE 0 END)`, 'sampleLines')
    .setParameter('sampleDatasets', SAMPLE_DATASETS);
}

export function chainFromRaw(raw: Record<string, unknown> | undefined, scopeFlags: SpendingFlag[] = []): SpendingChain {
  if (!raw || Number(raw.lineCount) === 0) return SpendingChain.empty(scopeFlags);
  const [approved, modified, committed, accrued, exercised, paid] = MOMENTS.map((moment) => readMoneySum(raw[moment]));
  return SpendingChain.of(
    { approved, modified, committed, accrued, exercised, paid },
    Number(raw.lineCount),
    Number(raw.sampleLines),
    scopeFlags,
  );
}
