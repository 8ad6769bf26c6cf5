import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { toCentavos } from '../../kit/money';
import { SAMPLE_DATASETS } from '../entities/budget-line.entity';
import { SpendingChain, type SpendingFlag } from '../entities/spending-chain';

export const MOMENTS = ['approved', 'modified', 'committed', 'accrued', 'exercised', 'paid'] as const;

/**
 * Adds the exact sums of the six moments over the budget lines aliased `alias`: SUM skips nulls and is null when
 * every line is null, which is exactly "no figure"; CAST to text keeps PostgreSQL's numeric and SQLite's integer exact.
 */
export function selectMoments<E extends ObjectLiteral>(query: SelectQueryBuilder<E>, alias: string): SelectQueryBuilder<E> {
  for (const moment of MOMENTS) query.addSelect(`CAST(SUM(${alias}.${moment}) AS TEXT)`, moment);
  return query
    .addSelect('COUNT(*)', 'lineCount')
    .addSelect(`SUM(CASE WHEN ${alias}.source.dataset IN (:...sampleDatasets) THEN 1 ELSE 0 END)`, 'sampleLines')
    .setParameter('sampleDatasets', SAMPLE_DATASETS);
}

export function chainFromRaw(raw: Record<string, unknown> | undefined, scopeFlags: SpendingFlag[] = []): SpendingChain {
  if (!raw || Number(raw.lineCount) === 0) return SpendingChain.empty(scopeFlags);
  const [approved, modified, committed, accrued, exercised, paid] = MOMENTS.map((moment) => toCentavos(raw[moment]));
  return SpendingChain.of(
    { approved, modified, committed, accrued, exercised, paid },
    Number(raw.lineCount),
    Number(raw.sampleLines),
    scopeFlags,
  );
}
