import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { toMoney } from '../../kit/money';
import { ContractProgram } from '../entities/contract-program.entity';
import { ContractRedFlag } from '../entities/contract-red-flag.entity';
import { ContractSupplier } from '../entities/contract-supplier.entity';
import { Contract } from '../entities/contract.entity';
import type { RedFlagCode, RedFlagStatus } from '../entities/red-flag';
import { addCount, type StatusCounts } from '../resolvers/red-flag.views';
import { ProcurementDimension, type ProcurementFilter } from './procurement-cells.query';

/** The contracts of a procurement aggregate and the asked dimensions and currency of each: what makes its cells. */
export interface ProcurementScope {
  groupBy: ProcurementDimension[];
  filter: ProcurementFilter | null;
}

const COLUMNS: Record<ProcurementDimension, string> = {
  YEAR: 'c.fiscalYear',
  BUYER: 'c.buyerId',
  SUPPLIER: 'cs.supplierKey',
  PROCEDURE: 'c.procedureKind',
  PROGRAM: 'cp.programId',
};

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

/**
 * The contracts of an aggregate with the same joins and criteria as its cells (procurement-cells.query.ts), selecting
 * the cell key; `withSupplier` joins the supplier rows even when the aggregate is not grouped by supplier.
 */
function scopeQuery(manager: EntityManager, scope: ProcurementScope, withSupplier: boolean): SelectQueryBuilder<Contract> {
  const { groupBy, filter } = scope;
  const query = manager.getRepository(Contract).createQueryBuilder('c').select([]) as SelectQueryBuilder<Contract>;
  if (groupBy.includes(ProcurementDimension.PROGRAM) || filter?.programs != null)
    query.innerJoin(ContractProgram, 'cp', 'cp.contractId = c.id');
  if (withSupplier || groupBy.includes(ProcurementDimension.SUPPLIER) || filter?.suppliers != null)
    query.innerJoin(ContractSupplier, 'cs', 'cs.contractId = c.id');
  for (const dimension of Object.values(ProcurementDimension)) {
    query.addSelect(groupBy.includes(dimension) ? COLUMNS[dimension] : 'NULL', dimension);
  }
  query.addSelect('c.valueCurrency', 'currency');
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

/** The stored red-flag checks of every cell of an aggregate, counted by code and status: one statement. */
export async function procurementFlagCounts(manager: EntityManager, scope: ProcurementScope): Promise<Map<string, StatusCounts>> {
  const query = scopeQuery(manager, scope, false)
    .innerJoin(ContractRedFlag, 'f', 'f.contractId = c.id')
    .addSelect('f.code', 'code')
    .addSelect('f.status', 'status')
    .addSelect('COUNT(*)', 'count');
  for (const dimension of scope.groupBy) query.addGroupBy(COLUMNS[dimension]);
  query.addGroupBy('c.valueCurrency').addGroupBy('f.code').addGroupBy('f.status');
  const cells = new Map<string, StatusCounts>();
  for (const raw of await query.getRawMany<Record<string, unknown>>()) {
    const key = keyOfRow(raw);
    const counts = cells.get(key) ?? {};
    cells.set(key, counts);
    addCount(counts, raw.code as RedFlagCode, raw.status as RedFlagStatus, Number(raw.count));
  }
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
