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
import { decodeCursor, encodeCursor, PageInfo, pageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../kit/errors';
import { formatMoney } from '../../kit/money';
import { BudgetProgram } from '../entities/budget-program.entity';
import { ProcedureKind } from '../entities/procedure-kind';
import { institutionRef, Institution } from '../entities/stubs';
import { OriginalAmount } from '../entities/values';
import { programById } from '../loaders';
import { ProcurementDimension, procurementCells, type ProcurementCellRow, type ProcurementOrder } from '../queries/procurement-cells.query';
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

@ObjectType({ description: 'A supplier (*proveedor*) as procurement cells group them.' })
export class ProcurementSupplier {
  @Field({ description: 'What tells suppliers apart: the published identifier (RFC, RUPC folio), else the name.' })
  key: string;

  @Field(() => String, { nullable: true, description: 'Name as published (one of them, when the spelling varies).' })
  name: string | null;
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

  @Field(() => ProcurementSupplier, { nullable: true, description: 'Supplier (*proveedor*).' })
  supplier: ProcurementSupplier | null;

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
}

@ObjectType({ description: 'One cell in a page of a procurement aggregate, with its cursor.' })
export class ProcurementCellEdge {
  @Field({ description: 'Opaque position of this cell, usable as `after`.' })
  cursor: string;

  @Field(() => ProcurementCell, { description: 'The cell.' })
  node: ProcurementCell;
}

@ObjectType({ description: 'A page of the cells of a procurement aggregate (offset cursors).' })
export class ProcurementConnection {
  @Field(() => [ProcurementCellEdge], { description: 'The cells on this page, in order.' })
  edges: ProcurementCellEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits among all the cells.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many cells the aggregate has (counted only when asked for).' })
  totalCount: Promise<number>;
}

const amount = (value: bigint | null, currency: string | null): OriginalAmount | null =>
  value === null ? null : { amount: formatMoney(value), currency: currency ?? '' };

function cellOf(row: ProcurementCellRow): ProcurementCell {
  const cell = new ProcurementCell();
  cell.key = {
    year: row.year,
    buyer: row.buyerId === null ? null : institutionRef(row.buyerId),
    supplier: row.supplierKey === null ? null : { key: row.supplierKey, name: row.supplierName },
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
  return cell;
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
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProcurementConnection> {
    const window = pageWindow({ first: first ?? null }, ctx.config.maxPageSize);
    const match = after == null ? ['', '0'] : /^procurement-cell:(\d+)$/.exec(decodeCursor(after));
    if (!match) throw badUserInput(`"${after}" is not a cursor of a procurement aggregate`, 'after');
    const offset = Number(match[1]);
    const order = { by: (orderBy?.by ?? 'KEY') as ProcurementOrder, descending: orderBy?.direction === SortDirection.DESC };
    const manager = ctx.dataSource.manager;
    const rows = await procurementCells(manager, groupBy, filter, order, offset, window.first + 1);
    const edges = rows
      .slice(0, window.first)
      .map((row, i) => ({ cursor: encodeCursor(`procurement-cell:${offset + i + 1}`), node: cellOf(row) }));
    let counted: Promise<number> | undefined;
    const connection = {
      edges,
      pageInfo: {
        hasNextPage: rows.length > window.first,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
    return Object.defineProperty(connection, 'totalCount', {
      enumerable: true,
      get: () => (counted ??= procurementCells(manager, groupBy, filter, order, 0, null).then((all) => all.length)),
    }) as ProcurementConnection;
  }

  @FieldResolver(() => BudgetProgram, {
    nullable: true,
    description: 'Budget program (*programa presupuestario*); null when not grouped by or not loaded.',
  })
  program(@Root() key: ProcurementKey, @Ctx() ctx: SubgraphContext): Promise<BudgetProgram | null> | null {
    return key.programId === null ? null : programById(ctx).load(key.programId);
  }
}
