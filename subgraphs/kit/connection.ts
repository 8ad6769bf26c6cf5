import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '../../common/errors';
import { DEFAULT_PAGE_SIZE } from '../../common/config/pages';

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'How many items to return (default 20, at most the server maximum, 100 unless configured).',
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an `endCursor` from a previous page).' })
  after?: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in a list, for keyset pagination (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'True when this page was asked for with `after` (items precede it).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page; pass it as `after` for the next page.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A number, or a promise read only when the field is selected (counting a whole filtered table is not free). */
  totalCount: number | Promise<number>;
}

/** Builds the `<Name>Connection` and `<Name>Edge` object types of a Relay connection over `node`. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string, what: string): ClassType<Page<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page of results, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this item, usable as `after`.' })
    cursor: string;

    @Field(() => node, { description: `The ${what}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items (Relay cursor connection, keyset-paginated).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items on this page, in order.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) throw badUserInput(`"${cursor}" is not a cursor this API issued`, 'after');
  return key;
}

export interface PageWindow {
  first: number;
  afterKey: string | null;
}

/** Validates `first`/`after` against the server's maximum page size. */
export function pageWindow(args: PageArgs, maxPageSize: number): PageWindow {
  const first = args.first ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw badUserInput(`first must be between 0 and ${maxPageSize} (got ${args.first})`, 'first');
  }
  return { first, afterKey: args.after ? decodeCursor(args.after) : null };
}

/** Turns `first + 1` rows fetched in key order into a page; the extra row only says whether more follow. */
export function toPage<T>(rows: T[], window: PageWindow, totalCount: number, keyOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, window.first);
  const edges = items.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > window.first,
      hasPreviousPage: window.afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * A root list: `first + 1` rows after the cursor in id order (an index range, not a scan) and the filtered query's
 * total, counted only if a client reads `totalCount`: the page's getter runs the COUNT when the field is resolved.
 */
export async function paginate<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  window: PageWindow,
  idColumn: keyof E & string = 'id',
): Promise<Page<E>> {
  const alias = query.alias;
  const counted = query.clone();
  const rows = query.clone();
  if (window.afterKey !== null) rows.andWhere(`${alias}.${idColumn} > :afterKey`, { afterKey: window.afterKey });
  const found = await rows
    .orderBy(`${alias}.${idColumn}`, 'ASC')
    .limit(window.first + 1)
    .getMany();
  const page = toPage(found, window, 0, (row) => String(row[idColumn]));
  let count: Promise<number> | undefined;
  return Object.defineProperty(page, 'totalCount', {
    enumerable: true,
    get: () => {
      count ??= counted.getCount();
      return count;
    },
  });
}
