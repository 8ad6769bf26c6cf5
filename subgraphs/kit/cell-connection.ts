import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { decodeCursor, encodeCursor, PageInfo, type Edge } from './connection';
import { badUserInput } from '../../common/errors';

/**
 * A page of the cells of an aggregate. Cells have no stable id to seek from and are bounded by catalogues, not by the
 * number of rows summed, so their cursors are offsets.
 */
export interface CellPage<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted only when a client selects it. */
  totalCount: Promise<number>;
}

/**
 * The fields every aggregate's connection shares, and its `<Name>CellEdge` type. Each aggregate declares its own
 * `<Name>Connection` extending it, with its description and any field of its own (a grand total); the base type
 * (`<Name>Cells`) is never referenced, so it does not appear in the schema (type-graphql emits only reachable types).
 */
export function CellConnectionType<T extends object>(cell: ClassType<T>, name: string, what: string): ClassType<CellPage<T>> {
  @ObjectType(`${name}CellEdge`, { description: `One cell in a page of ${what}, with its cursor.` })
  class CellEdge {
    @Field({ description: 'Opaque position of this cell, usable as `after`.' })
    cursor: string;

    @Field(() => cell, { description: 'The cell.' })
    node: T;
  }

  @ObjectType(`${name}Cells`, { description: `The fields every page of ${what} has.` })
  class CellConnection {
    @Field(() => [CellEdge], { description: 'The cells on this page, in order.' })
    edges: CellEdge[];

    @Field(() => PageInfo, { description: 'Where this page sits among all the cells.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many cells the aggregate has (counted only when asked for).' })
    totalCount: Promise<number>;
  }
  return CellConnection;
}

/** The offset an `after` cursor of this aggregate stands for (0 without one); a foreign cursor is a client error. */
export function cellOffset(after: string | null | undefined, prefix: string, what: string): number {
  if (after == null) return 0;
  const match = new RegExp(`^${prefix}:(\\d+)$`).exec(decodeCursor(after));
  if (!match) throw badUserInput(`"${after}" is not a cursor of ${what}`, 'after');
  return Number(match[1]);
}

/**
 * A page of cells from `first + 1` cells read at `offset` (the extra one only says whether more follow); `totalCount`
 * is computed only when a client selects it.
 */
export function pageOfCells<T>(cells: T[], first: number, offset: number, prefix: string, totalCount: () => Promise<number>): CellPage<T> {
  const edges = cells.slice(0, first).map((node, i) => ({ cursor: encodeCursor(`${prefix}:${offset + i + 1}`), node }));
  const page = {
    edges,
    pageInfo: {
      hasNextPage: cells.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
  return lazyField(page, 'totalCount', totalCount);
}

/** Adds a field computed once, and only when read: a COUNT or a grand total is not free. */
export function lazyField<O extends object, K extends string, V>(
  object: O,
  field: K,
  compute: () => Promise<V>,
): O & Record<K, Promise<V>> {
  let computed: Promise<V> | undefined;
  return Object.defineProperty(object, field, { enumerable: true, get: () => (computed ??= compute()) }) as O & Record<K, Promise<V>>;
}
