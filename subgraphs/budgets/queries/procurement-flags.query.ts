import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { toMoney } from '../../kit/money';
import type { Contract } from '../entities/contract.entity';
import type { StatusCounts } from '../resolvers/red-flag.views';
import { PROCUREMENT_COLUMNS, ProcurementDimension, type ProcurementFilter, procurementContracts } from './procurement-cells.query';
import { selectStatusCounts, statusCountsOf } from './red-flag.query';

/** The contracts of a procurement aggregate and the asked dimensions and currency of each: what makes its cells. */
export interface ProcurementScope {
  groupBy: ProcurementDimension[];
  filter: ProcurementFilter | null;
}

/** A cell's key as the cells of `procurement` carry it: the grouped dimensions (null otherwise), then the currency. */
export function cellKeyOf(key: {
  year: number | null;
  buyerId: string | null;
  supplierKey: string | null;
  procedure: string | null;
  programId: string | null;
  currency: string | null;
}): string {
  return JSON.stringify([key.year, key.buyerId, key.supplierKey, key.procedure, key.programId, key.currency]);
}

/** The contracts of an aggregate as its cells read them (procurement-cells.query.ts), selecting the cell key. */
function scopeQuery(manager: EntityManager, scope: ProcurementScope, withSupplier: boolean): SelectQueryBuilder<Contract> {
  const query = procurementContracts(manager, scope.groupBy, scope.filter, withSupplier);
  for (const dimension of Object.values(ProcurementDimension)) {
    query.addSelect(scope.groupBy.includes(dimension) ? PROCUREMENT_COLUMNS[dimension] : 'NULL', dimension);
  }
  return query.addSelect('c.valueCurrency', 'currency');
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function keyOfRow(raw: Record<string, unknown>): string {
  return cellKeyOf({
    year: raw.YEAR === null || raw.YEAR === undefined ? null : Number(raw.YEAR),
    buyerId: text(raw.BUYER),
    supplierKey: text(raw.SUPPLIER),
    procedure: text(raw.PROCEDURE),
    programId: text(raw.PROGRAM),
    currency: text(raw.currency),
  });
}

/** The red flags of every cell of an aggregate, counted by code and status from the contract rows: one statement. */
export async function procurementFlagCounts(manager: EntityManager, scope: ProcurementScope): Promise<Map<string, StatusCounts>> {
  const query = selectStatusCounts(scopeQuery(manager, scope, false), 'c');
  for (const dimension of scope.groupBy) query.addGroupBy(PROCUREMENT_COLUMNS[dimension]);
  query.addGroupBy('c.valueCurrency');
  const cells = new Map<string, StatusCounts>();
  for (const raw of await query.getRawMany<Record<string, unknown>>()) cells.set(keyOfRow(raw), statusCountsOf(raw));
  return cells;
}

/**
 * Each cell's value by supplier, summed here with BigInt from the contract rows (exact whatever the totals): a contract
 * won by several suppliers counts its value for each, as the SUPPLIER dimension counts it. One statement.
 */
export async function procurementSupplierValues(
  manager: EntityManager,
  scope: ProcurementScope,
): Promise<Map<string, Map<string, bigint>>> {
  const query = scopeQuery(manager, scope, true)
    .addSelect('cs.supplierKey', 'supplier')
    .addSelect('CAST(c.valueAmount AS TEXT)', 'value')
    .andWhere('c.valueAmount IS NOT NULL');
  const cells = new Map<string, Map<string, bigint>>();
  for (const raw of await query.getRawMany<Record<string, unknown>>()) {
    const key = keyOfRow(raw);
    const bySupplier = cells.get(key) ?? new Map<string, bigint>();
    cells.set(key, bySupplier);
    const supplier = String(raw.supplier);
    bySupplier.set(supplier, (bySupplier.get(supplier) ?? 0n) + (toMoney(raw.value) ?? 0n));
  }
  return cells;
}
