import type { EntityManager } from 'typeorm';
import { orderByMoneySum, readMoneySum, sumMoneySql } from '../../kit/money-sum';
import { ProgramAccount } from '../entities/program-account.entity';
import type { Moments } from '../entities/spending-chain.object';

export enum AccountDimension {
  FISCAL_YEAR = 'FISCAL_YEAR',
  RAMO = 'RAMO',
  PROGRAM = 'PROGRAM',
}

const KEYS: Record<AccountDimension, string[]> = {
  FISCAL_YEAR: ['fiscalYear'],
  RAMO: ['ramoCode'],
  PROGRAM: ['key'],
};

const FIGURES = ['approved', 'modified', 'accrued', 'exercised'] as const;
export type AccountFigure = (typeof FIGURES)[number];

export interface AccountFilter {
  fiscalYears?: number[] | null;
  ramos?: string[] | null;
}

export interface AccountCellRow {
  fiscalYear: number | null;
  ramoCode: string | null;
  ramoName: string | null;
  programKey: string | null;
  programName: string | null;
  moments: Moments;
  accountCount: number;
}

/**
 * One page of program accounts grouped and summed in SQL. The account table holds one row per program and year (a few
 * thousand a year), so it is its own rollup: its size follows the catalogue of programs, not any line count.
 */
export async function accountCells(
  manager: EntityManager,
  groupBy: AccountDimension[],
  filter: AccountFilter | null,
  order: { figure: AccountFigure | null; descending: boolean },
  offset: number,
  limit: number | null,
): Promise<AccountCellRow[]> {
  const dimensions = Object.values(AccountDimension).filter((dimension) => groupBy.includes(dimension));
  const keys = dimensions.flatMap((dimension) => KEYS[dimension]);
  const query = manager.getRepository(ProgramAccount).createQueryBuilder('a').select([]);
  for (const key of keys) query.addSelect(`a.${key}`, `k_${key}`).addGroupBy(`a.${key}`);
  if (groupBy.includes(AccountDimension.RAMO)) query.addSelect('MIN(a.ramoName)', 'ramoName');
  if (groupBy.includes(AccountDimension.PROGRAM)) query.addSelect('MIN(a.name)', 'programName');
  for (const figure of FIGURES) query.addSelect(sumMoneySql(query.connection, `a.${figure}`), figure);
  query.addSelect('COUNT(*)', 'accountCount');
  const within = (column: string, values: (string | number)[]) => {
    if (values.length === 0) query.andWhere('1 = 0');
    else query.andWhere(`a.${column} IN (:...${column})`, { [column]: values });
  };
  if (filter?.fiscalYears != null) within('fiscalYear', filter.fiscalYears);
  if (filter?.ramos != null)
    within(
      'ramoCode',
      filter.ramos.map((ramo) => ramo.padStart(2, '0')),
    );
  if (order.figure !== null) orderByMoneySum(query, `a.${order.figure}`, order.descending);
  for (const key of keys) query.addOrderBy(`a.${key}`, order.figure === null && order.descending ? 'DESC' : 'ASC');
  if (limit !== null) query.offset(offset).limit(limit);
  const rows: Record<string, unknown>[] = await query.getRawMany();
  return rows.map((raw) => ({
    fiscalYear: raw.k_fiscalYear === undefined ? null : Number(raw.k_fiscalYear),
    ramoCode: (raw.k_ramoCode as string | undefined) ?? null,
    ramoName: (raw.ramoName as string | undefined) ?? null,
    programKey: (raw.k_key as string | undefined) ?? null,
    programName: (raw.programName as string | null | undefined) ?? null,
    moments: {
      approved: readMoneySum(raw.approved),
      modified: readMoneySum(raw.modified),
      committed: null,
      accrued: readMoneySum(raw.accrued),
      exercised: readMoneySum(raw.exercised),
      paid: null,
    },
    accountCount: Number(raw.accountCount),
  }));
}
