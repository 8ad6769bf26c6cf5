import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { cellOffset, pageOfCells } from '../../kit/cell-connection';
import { pageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { formatMoney, parseMoney } from '../../kit/money';
import { BudgetProgram } from '../entities/budget-program.entity';
import { institutionRef } from '../entities/federated.stubs';
import type { OriginalAmount } from '../entities/values.object';
import { programById } from '../loaders';
import { supplierByKey } from '../loaders/supplier.loader';
import { Supplier } from '../entities/supplier.object';
import { ProcurementDimension, procurementCells, type ProcurementCellRow, type ProcurementOrder } from '../queries/procurement-cells.query';
import { deflatorFor, REAL_PESOS_METHOD, type Deflator } from '../queries/real-pesos.query';
import { mergeInRealPesos, sortCells } from './real-pesos.views';
import type { ProcurementScope } from '../queries/procurement-flags.query';
import { SortDirection } from './spending.input';
import { ProcurementFilterInput, ProcurementOrderInput } from './procurement.input';
import { ProcurementCell, ProcurementConnection, ProcurementFlag, ProcurementKey } from './procurement.types';

const amount = (value: bigint | null, currency: string | null): OriginalAmount | null =>
  value === null ? null : { amount: formatMoney(value), currency: currency ?? '' };

function cellOf(row: ProcurementCellRow, inPesosOf: number | null, flags: ProcurementFlag[]): ProcurementCell {
  const cell = new ProcurementCell();
  cell.key = {
    year: row.year,
    buyer: row.buyerId === null ? null : institutionRef(row.buyerId),
    supplierKey: row.supplierKey,
    procedure: row.procedure,
    programId: row.programId,
    currency: row.currency,
  };
  cell.contractCount = row.contractCount;
  cell.value = amount(row.value, row.currency);
  cell.directCount = row.directCount;
  cell.directValue = amount(row.directValue ?? (row.value === null ? null : 0n), row.currency);
  cell.directShare = row.value === null || row.value === 0n ? null : Number(row.directValue ?? 0n) / Number(row.value);
  cell.directCountShare = row.contractCount === 0 ? 0 : row.directCount / row.contractCount;
  cell.derived = inPesosOf === null ? null : { inPesosOf, method: REAL_PESOS_METHOD };
  cell.flags = flags;
  return cell;
}

/** The only currency the INPC deflates. */
const PESOS = 'MXN';

/** A cell's keys in the order the SQL orders cells by (COLUMNS, then the currency). */
const sortKeys = ({ key }: ProcurementCell) => ({
  year: key.year,
  buyer: key.buyer?.id ?? null,
  supplier: key.supplierKey,
  procedure: key.procedure,
  program: key.programId,
  currency: key.currency,
});

type ProcurementFigure = 'value' | 'directValue';

/** Only dated peso values are deflated: the INPC measures Mexican prices, and a value needs the year it is of. */
const deflates = (row: ProcurementCellRow) => row.currency === PESOS && row.year !== null;

/**
 * Cells of single years merged into the cells of `groupBy`, peso values carried into pesos of the deflator's base
 * year (each year on its own, each sum rounded once). Other currencies, and pesos of contracts without a year, stay
 * as published and are flagged: nothing in the cell is then deflated, so it never mixes real and nominal values.
 */
function inBaseYear(rows: ProcurementCellRow[], groupBy: ProcurementDimension[], deflator: Deflator): ProcurementCell[] {
  const keepsYear = groupBy.includes(ProcurementDimension.YEAR);
  const cells = mergeInRealPesos<ProcurementCellRow, ProcurementFigure>(
    rows,
    (row) => JSON.stringify([keepsYear ? row.year : null, row.buyerId, row.supplierKey, row.procedure, row.programId, row.currency]),
    (row) => row.year as number,
    (row) => (deflates(row) ? { value: row.value, directValue: row.directValue } : {}),
    deflator,
  );
  return cells.map(({ rows: parts, real }) => {
    const sum = (of: (row: ProcurementCellRow) => bigint | null) =>
      parts.reduce<bigint | null>((total, row) => (of(row) === null ? total : (total ?? 0n) + (of(row) as bigint)), null);
    const merged: ProcurementCellRow = {
      ...parts[0],
      year: keepsYear ? parts[0].year : null,
      contractCount: parts.reduce((total, row) => total + row.contractCount, 0),
      directCount: parts.reduce((total, row) => total + row.directCount, 0),
      value: sum((row) => row.value),
      directValue: sum((row) => row.directValue),
    };
    if (merged.value === null) return cellOf(merged, null, []);
    if (merged.currency !== PESOS) return cellOf(merged, null, [ProcurementFlag.NOT_DEFLATED_CURRENCY]);
    if (!parts.every(deflates)) return cellOf(merged, null, [ProcurementFlag.NOT_DEFLATED_UNDATED]);
    merged.value = real.rounded('value');
    merged.directValue = real.rounded('directValue');
    return cellOf(merged, deflator.baseYear, [ProcurementFlag.IN_REAL_PESOS]);
  });
}

@Resolver(() => ProcurementKey)
export class ProcurementResolver {
  @Query(() => ProcurementConnection, {
    description:
      'Procurement aggregates (*contrataciones públicas*): CompraNet and OCDS contracts grouped by year, buyer, supplier, procedure kind or program, with counts, values per currency and the share awarded directly.',
  })
  async procurement(
    @Arg('groupBy', () => [ProcurementDimension], {
      description: 'The dimensions that make a cell (*agrupar por*); the currency always does.',
    })
    groupBy: ProcurementDimension[],
    @Arg('filter', () => ProcurementFilterInput, { nullable: true, description: 'Which contracts to count.' })
    filter: ProcurementFilterInput | null,
    @Arg('orderBy', () => ProcurementOrderInput, { nullable: true, description: 'Order of the cells; by key unless given.' })
    orderBy: ProcurementOrderInput | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many cells to return (default 20, at most the server maximum).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Return the cells after this cursor (an `endCursor`).' })
    after: string | null,
    @Arg('inPesosOf', () => Int, {
      nullable: true,
      description: `Express peso values (MXN) in real pesos of this year (*pesos constantes*): ${REAL_PESOS_METHOD}. Values in other currencies, and those of contracts without a fiscal year, stay as published and are flagged (NOT_DEFLATED_CURRENCY, NOT_DEFLATED_UNDATED). A year whose twelve monthly index values are not loaded is a BAD_USER_INPUT error. Deflated cells are flagged IN_REAL_PESOS and carry \`derived\`.`,
    })
    inPesosOf: number | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProcurementConnection> {
    const window = pageWindow({ first: first ?? null }, ctx.config.maxPageSize);
    const offset = cellOffset(after, 'procurement-cell', 'a procurement aggregate');
    const order = { by: (orderBy?.by ?? 'KEY') as ProcurementOrder, descending: orderBy?.direction === SortDirection.DESC };
    const manager = ctx.dataSource.manager;
    const scope: ProcurementScope = { groupBy, filter };
    if (inPesosOf == null) {
      const rows = await procurementCells(manager, groupBy, filter, order, offset, window.first + 1);
      return pageOfCells(
        rows.map((row) => Object.assign(cellOf(row, null, []), { scope })),
        window.first,
        offset,
        'procurement-cell',
        async () => (await procurementCells(manager, groupBy, filter, order, 0, null)).length,
      );
    }
    const byYear = await procurementCells(manager, [...groupBy, ProcurementDimension.YEAR], filter, order, 0, null);
    const deflator = await deflatorFor(
      ctx,
      inPesosOf,
      byYear.filter((row) => row.currency === PESOS && row.year !== null && row.value !== null).map((row) => row.year as number),
    );
    const cells = inBaseYear(byYear, groupBy, deflator).map((cell) => Object.assign(cell, { scope }));
    const figureOf = {
      KEY: null,
      CONTRACT_COUNT: (cell: ProcurementCell) => BigInt(cell.contractCount),
      VALUE: (cell: ProcurementCell) => (cell.value === null ? null : (parseMoney(cell.value.amount) as bigint)),
    }[order.by];
    sortCells(cells, figureOf, sortKeys, order.descending);
    return pageOfCells(cells.slice(offset, offset + window.first + 1), window.first, offset, 'procurement-cell', async () => cells.length);
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'Supplier (*proveedor*), with its contracts; null when not grouped by.' })
  supplier(@Root() key: ProcurementKey, @Ctx() ctx: SubgraphContext): Promise<Supplier | null> | null {
    return key.supplierKey === null ? null : supplierByKey(ctx).load(key.supplierKey);
  }

  @FieldResolver(() => BudgetProgram, {
    nullable: true,
    description: 'Budget program (*programa presupuestario*); null when not grouped by or not loaded.',
  })
  program(@Root() key: ProcurementKey, @Ctx() ctx: SubgraphContext): Promise<BudgetProgram | null> | null {
    return key.programId === null ? null : programById(ctx).load(key.programId);
  }
}
