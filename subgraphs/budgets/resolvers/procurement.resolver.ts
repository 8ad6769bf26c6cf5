import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { cellOffset, CellConnectionType, pageOfCells } from '../../kit/cell-connection';
import { pageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { formatMoney, parseMoney } from '../../kit/money';
import { BudgetProgram } from '../entities/budget-program.entity';
import { ProcedureKind } from '../entities/procedure-kind.enums';
import { institutionRef, Institution } from '../entities/federated.stubs';
import { OriginalAmount } from '../entities/values.object';
import { programById } from '../loaders';
import { supplierByKey } from '../loaders/supplier.loader';
import { Supplier } from '../entities/supplier.object';
import { ProcurementDimension, procurementCells, type ProcurementCellRow, type ProcurementOrder } from '../queries/procurement-cells.query';
import { DerivedFigures } from '../entities/spending-chain.object';
import { deflatorFor, Fraction, REAL_PESOS_METHOD, type Deflator } from '../queries/real-pesos.query';
import { sortCells } from './real-chain';
import type { ProcurementScope } from '../queries/procurement-flags.query';
import { SortDirection } from './spending.input';

registerEnumType(ProcurementDimension, {
  name: 'ProcurementDimension',
  description: 'What contracts (CompraNet and OCDS) can be grouped by in `procurement`.',
  valuesConfig: {
    YEAR: { description: 'Fiscal year the contract is charged to (*ejercicio*; see `Contract.fiscalYear`).' },
    BUYER: { description: 'Buying institution (*unidad compradora*), when the source names a federal one.' },
    SUPPLIER: {
      description:
        'Supplier (*proveedor*) by its published identifier (RFC, RUPC folio) or, without one, its name; a contract won by several suppliers counts for each.',
    },
    PROCEDURE: { description: 'Procedure kind (*tipo de procedimiento*), normalised (see ProcedureKind).' },
    PROGRAM: { description: 'Budget program the contract is charged to; a contract charged to two programs counts in both.' },
  },
});

enum ProcurementOrderBy {
  KEY = 'KEY',
  CONTRACT_COUNT = 'CONTRACT_COUNT',
  VALUE = 'VALUE',
}

registerEnumType(ProcurementOrderBy, {
  name: 'ProcurementOrderBy',
  description: 'What orders procurement cells.',
  valuesConfig: {
    KEY: { description: 'The grouping keys, then the currency.' },
    CONTRACT_COUNT: { description: 'The number of contracts (*número de contratos*).' },
    VALUE: { description: 'The summed value (*monto*); cells without a value come last.' },
  },
});

export enum ProcurementFlag {
  IN_REAL_PESOS = 'IN_REAL_PESOS',
  NOT_DEFLATED_CURRENCY = 'NOT_DEFLATED_CURRENCY',
  NOT_DEFLATED_UNDATED = 'NOT_DEFLATED_UNDATED',
}

registerEnumType(ProcurementFlag, {
  name: 'ProcurementFlag',
  description: "Something a reader of a procurement cell's values should know before quoting them.",
  valuesConfig: {
    IN_REAL_PESOS: {
      description: 'Derived figures: the values are in real pesos (*pesos constantes*) of another year, not as published (see `derived`).',
    },
    NOT_DEFLATED_CURRENCY: {
      description:
        "`inPesosOf` was asked, but the values are in another currency than MXN and stay as published: the INPC measures Mexican consumer prices, not the currency's.",
    },
    NOT_DEFLATED_UNDATED: {
      description:
        '`inPesosOf` was asked, but some contracts of the cell have no fiscal year, so the values stay as published (nominal pesos of mixed years).',
    },
  },
});

@InputType({ description: 'How to order procurement cells.' })
export class ProcurementOrderInput {
  @Field(() => ProcurementOrderBy, { nullable: true, description: 'What to order by; KEY unless given.' })
  by?: ProcurementOrderBy | null;

  @Field(() => SortDirection, { nullable: true, description: 'Direction; ascending unless given.' })
  direction?: SortDirection | null;
}

@InputType({ description: 'Which contracts to count; all given criteria must hold.' })
export class ProcurementFilterInput {
  @Field(() => [Int], { nullable: true, description: 'Fiscal years (*ejercicios*).' })
  years?: number[] | null;

  @Field(() => [ID], { nullable: true, description: 'Buying institutions by id (`MX-CPA-…`, `MX-RAMO-…`).' })
  buyers?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Suppliers (*proveedores*) by key: the published identifier, else the name.' })
  suppliers?: string[] | null;

  @Field(() => [ProcedureKind], { nullable: true, description: 'Procedure kinds (*tipos de procedimiento*).' })
  procedures?: ProcedureKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Budget programs by id, e.g. `2018:20P002`.' })
  programs?: string[] | null;
}

@ObjectType({ description: 'What a procurement cell is; null for dimensions not grouped by.' })
export class ProcurementKey {
  @Field(() => Int, { nullable: true, description: 'Fiscal year (*ejercicio*).' })
  year: number | null;

  @Field(() => Institution, {
    nullable: true,
    description: 'Buying institution (*unidad compradora*), resolved by the institutions subgraph.',
  })
  buyer: Institution | null;

  /** Resolved to a Supplier by the resolver. */
  supplierKey: string | null;

  @Field(() => ProcedureKind, { nullable: true, description: 'Procedure kind (*tipo de procedimiento*).' })
  procedure: ProcedureKind | null;

  /** Resolved to a BudgetProgram by the resolver. */
  programId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Currency of the values (ISO 4217, *moneda*): cells are always split by currency, never added across; null for contracts without a value.',
  })
  currency: string | null;
}

@ObjectType({
  description: 'One cell of a procurement aggregate (*contrataciones*): contract count, value in one currency, and the direct-award share.',
})
export class ProcurementCell {
  @Field(() => ProcurementKey, { description: 'The values of the grouped dimensions and the currency.' })
  key: ProcurementKey;

  @Field(() => Int, { description: 'How many contracts (*número de contratos*).' })
  contractCount: number;

  @Field(() => OriginalAmount, {
    nullable: true,
    description: "Summed value (*monto*) in the cell's currency, exactly; null when no contract states one.",
  })
  value: OriginalAmount | null;

  @Field(() => Int, { description: 'How many were awarded directly (*adjudicación directa*).' })
  directCount: number;

  @Field(() => OriginalAmount, { nullable: true, description: 'Summed value of the direct awards, exactly; null when none states one.' })
  directValue: OriginalAmount | null;

  @Field(() => Float, { nullable: true, description: 'Share of the value awarded directly (direct value / value); null without a value.' })
  directShare: number | null;

  @Field(() => Float, { description: 'Share of the contracts awarded directly (direct count / count).' })
  directCountShare: number;

  @Field(() => DerivedFigures, {
    nullable: true,
    description: `Set when the values are in real pesos of \`inPesosOf\` rather than as published (${REAL_PESOS_METHOD}).`,
  })
  derived: DerivedFigures | null;

  @Field(() => [ProcurementFlag], { description: 'Caveats about the values (see ProcurementFlag).' })
  flags: ProcurementFlag[];

  /** The aggregate the cell belongs to, for its red flags and supplier concentration (procurement-flags.resolver.ts). */
  scope: ProcurementScope;
}

@ObjectType({ description: 'A page of the cells of a procurement aggregate (offset cursors).' })
export class ProcurementConnection extends CellConnectionType(ProcurementCell, 'Procurement', 'a procurement aggregate') {}

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

/**
 * Cells of single years merged into the cells of `groupBy`, peso values carried into pesos of the deflator's base
 * year (each year on its own, each sum rounded once). Other currencies, and pesos of contracts without a year, stay
 * as published and are flagged: nothing in the cell is then deflated, so it never mixes real and nominal values.
 */
function inBaseYear(rows: ProcurementCellRow[], groupBy: ProcurementDimension[], deflator: Deflator): ProcurementCell[] {
  const keepsYear = groupBy.includes(ProcurementDimension.YEAR);
  const groups = new Map<string, ProcurementCellRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([keepsYear ? row.year : null, row.buyerId, row.supplierKey, row.procedure, row.programId, row.currency]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((parts) => {
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
    if (parts.some((row) => row.year === null)) return cellOf(merged, null, [ProcurementFlag.NOT_DEFLATED_UNDATED]);
    const real = (of: (row: ProcurementCellRow) => bigint | null) =>
      parts.reduce<Fraction | null>((total, row) => {
        const value = of(row);
        return value === null ? total : (total ?? Fraction.ZERO).plus(deflator.real(value, row.year as number));
      }, null);
    merged.value = real((row) => row.value)?.toCentavo() ?? null;
    merged.directValue = real((row) => row.directValue)?.toCentavo() ?? null;
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
