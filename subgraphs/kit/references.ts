import type { SubgraphContext } from './context';

/** `__resolveReference` functions by type name: how a subgraph answers the gateway's `_entities` calls. */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: Record<string, unknown>, context: SubgraphContext) => unknown }
>;

type Reference = Record<string, unknown>;

/**
 * An entity this subgraph owns answers `_entities` through its per-request loader (one statement for the
 * whole batch), with null for a key it does not hold.
 */
export function ownedReference(loader: (ctx: SubgraphContext) => { load(key: string): Promise<unknown> }, key = 'id') {
  return { __resolveReference: (reference: Reference, ctx: SubgraphContext) => loader(ctx).load(String(reference[key])) };
}

/**
 * An entity this subgraph only extends answers for any id: the owning subgraph decides whether it exists. The rest of
 * the representation is kept: it holds the fields a `@requires` asked the gateway to fetch from other subgraphs.
 */
export const extendedReference = {
  __resolveReference: (reference: Reference) => ({ ...reference, id: String(reference.id) }),
};
