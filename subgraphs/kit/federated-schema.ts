import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { SubgraphName } from '../../common/config/subgraphs';
import { dataVersionSchema, type WriteVersion } from './data-version.resolver';
import type { ReferenceResolvers } from './references';
import { searchResultsSchema } from './search-results';

export interface FederatedSchemaOptions {
  /** Adds the kit's fields every subgraph serves: `Query.dataVersion`, `Query.search` and `Provenance.load`. */
  subgraph: SubgraphName;
  resolvers: NonEmptyArray<Function>;
  /** Entities this subgraph only extends or references: type-graphql drops them unless listed here. */
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  /** For a subgraph that takes writes: they advance its `dataVersion` too. */
  writeVersion?: WriteVersion;
}

const FEDERATION_LINK = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires"])
`;

/**
 * type-graphql builds the schema from the decorated classes; @apollo/subgraph then rebuilds it from its
 * printed SDL (directives included) so the federation fields (`_entities`, `_service`) exist.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const kit = dataVersionSchema(options.subgraph, options.writeVersion);
  const search = searchResultsSchema(options.subgraph);
  const schema = await buildSchema({
    resolvers: [...options.resolvers, ...kit.resolvers, ...search.resolvers] as NonEmptyArray<Function>,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  return buildSubgraphSchema({
    typeDefs: gql`${FEDERATION_LINK}${printSchemaWithDirectives(schema)}`,
    resolvers: mergeResolvers(createResolversMap(schema) as Record<string, object>, {
      ...kit.referenceResolvers,
      ...search.referenceResolvers,
      ...options.referenceResolvers,
    }) as never,
  });
}

/**
 * Adds the reference resolvers into the types' existing resolver objects. A shallow spread would replace
 * a type's field resolvers with just `__resolveReference`, and the gateway would then see nulls.
 */
function mergeResolvers(base: Record<string, object>, extra: Record<string, object>): Record<string, object> {
  const merged: Record<string, object> = { ...base };
  for (const [typeName, resolvers] of Object.entries(extra)) {
    merged[typeName] = { ...(base[typeName] ?? {}), ...resolvers };
  }
  return merged;
}

export function printSubgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
