import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { orderByMoneySum, readMoneySum, sumMoneySql } from '../../kit/money-sum';
import { ContractProgram } from '../entities/contract-program.entity';
import { ContractSupplier } from '../entities/contract-supplier.entity';
import { Contract } from '../entities/contract.entity';
import { ProcedureKind } from '../entities/procedure-kind.enums';

export enum ProcurementDimension {
  YEAR = 'YEAR',
  BUYER = 'BUYER',
  SUPPLIER = 'SUPPLIER',
  PROCEDURE = 'PROCEDURE',
  PROGRAM = 'PROGRAM',
}

export interface ProcurementFilter {
  years?: number[] | null;
  buyers?: string[] | null;
  suppliers?: string[] | null;
  procedures?: ProcedureKind[] | null;
  programs?: string[] | null;
}

export interface ProcurementCellRow {
  year: number | null;
  buyerId: string | null;
  supplierKey: string | null;
  procedure: ProcedureKind | null;
  programId: string | null;
  currency: string | null;
  contractCount: number;
  value: bigint | null;
  directCount: number;
  directValue: bigint | null;
}

/** The column each dimension groups by, in a query of `procurementContracts` (contract `c`, supplier row `cs`, program link `cp`). */
export const PROCUREMENT_COLUMNS: Record<ProcurementDimension, string> = {
  YEAR: 'c.fiscalYear',
  BUYER: 'c.buyerId',
  SUPPLIER: 'cs.supplierKey',
  PROCEDURE: 'c.procedureKind',
  PROGRAM: 'cp.programId',
};

/**
 * The contracts of a procurement aggregate, selecting nothing yet: grouping or filtering by program or supplier joins
 * the program links or the supplier rows (`withSupplier` joins them anyway), so a contract charged to two programs, or
 * won by two suppliers together, counts in each of their cells. The cells and their red flags read the same rows.
 */
export function procurementContracts(
  manager: EntityManager,
  groupBy: ProcurementDimension[],
  filter: ProcurementFilter | null,
  withSupplier = false,
): SelectQueryBuilder<Contract> {
  const query = manager.getRepository(Contract).createQueryBuilder('c').select([]) as SelectQueryBuilder<Contract>;
  if (groupBy.includes(ProcurementDimension.PROGRAM) || filter?.programs != null) {
    query.innerJoin(ContractProgram, 'cp', 'cp.contractId = c.id');
  }
  if (withSupplier || groupBy.includes(ProcurementDimension.SUPPLIER) || filter?.suppliers != null) {
    query.innerJoin(ContractSupplier, 'cs', 'cs.contractId = c.id');
  }
  const within = (column: string, name: string, values: (string | number)[] | null | undefined) => {
    if (values == null) return;
    if (values.length === 0) query.andWhere('1 = 0');
    else query.andWhere(`${column} IN (:...${name})`, { [name]: values });
  };
  within('c.fiscalYear', 'years', filter?.years);
  within('c.buyerId', 'buyers', filter?.buyers);
  within('cs.supplierKey', 'suppliers', filter?.suppliers);
  within('c.procedureKind', 'procedures', filter?.procedures);
  within('cp.programId', 'programs', filter?.programs);
  return query;
}

/**
 * Contracts grouped by the asked dimensions and always by currency (amounts in different currencies are never
 * added), with the count and value of those awarded directly.
 */
function cellQuery(manager: EntityManager, groupBy: ProcurementDimension[], filter: ProcurementFilter | null) {
  const dimensions = Object.values(ProcurementDimension).filter((dimension) => groupBy.includes(dimension));
  const query = procurementContracts(manager, dimensions, filter);
  for (const dimension of dimensions) {
    query.addSelect(PROCUREMENT_COLUMNS[dimension], dimension).addGroupBy(PROCUREMENT_COLUMNS[dimension]);
  }
  query
    .addSelect('c.valueCurrency', 'currency')
    .addGroupBy('c.valueCurrency')
    .addSelect('COUNT(*)', 'contractCount')
    .addSelect(sumMoneySql(query.connection, 'c.valueAmount'), 'value')
    .addSelect('SUM(CASE WHEN c.procedureKind = :direct THEN 1 ELSE 0 END)', 'directCount')
    .addSelect(sumMoneySql(query.connection, 'CASE WHEN c.procedureKind = :direct THEN c.valueAmount END'), 'directValue')
    .setParameter('direct', ProcedureKind.DIRECT);
  return { query, dimensions };
}

export type ProcurementOrder = 'KEY' | 'CONTRACT_COUNT' | 'VALUE';

export async function procurementCells(
  manager: EntityManager,
  groupBy: ProcurementDimension[],
  filter: ProcurementFilter | null,
  order: { by: ProcurementOrder; descending: boolean },
  offset: number,
  limit: number | null,
): Promise<ProcurementCellRow[]> {
  const { query, dimensions } = cellQuery(manager, groupBy, filter);
  const direction = order.descending ? 'DESC' : 'ASC';
  const keys = [...dimensions.map((dimension) => PROCUREMENT_COLUMNS[dimension]), 'c.valueCurrency'];
  if (order.by === 'CONTRACT_COUNT') query.orderBy('COUNT(*)', direction);
  if (order.by === 'VALUE') orderByMoneySum(query, 'c.valueAmount', order.descending);
  for (const key of keys) {
    query.addOrderBy(`CASE WHEN ${key} IS NULL THEN 1 ELSE 0 END`, 'ASC').addOrderBy(key, order.by === 'KEY' ? direction : 'ASC');
  }
  if (limit !== null) query.offset(offset).limit(limit);
  const rows: Record<string, unknown>[] = await query.getRawMany();
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return rows.map((raw) => ({
    year: raw.YEAR === undefined || raw.YEAR === null ? null : Number(raw.YEAR),
    buyerId: text(raw.BUYER),
    supplierKey: text(raw.SUPPLIER),
    procedure: text(raw.PROCEDURE) as ProcedureKind | null,
    programId: text(raw.PROGRAM),
    currency: text(raw.currency),
    contractCount: Number(raw.contractCount),
    value: readMoneySum(raw.value),
    directCount: Number(raw.directCount),
    directValue: readMoneySum(raw.directValue),
  }));
}
