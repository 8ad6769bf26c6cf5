import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode } from 'graphql';
import { ErrorCode, refusal } from '../../common/errors';
import type { RequestContext } from '../../common/http/graphql';
import type { TouchedSubgraphs } from '../cache/touched-subgraphs';
import { fragmentsOf } from '../limits/cost';

/**
 * The subgraphs whose mutations the gateway runs. Everything else stays read-only, even if a subgraph adds a mutation
 * and the supergraph is composed again: opening another one to writes is a decision taken here, in review.
 */
export const WRITABLE_SUBGRAPHS: ReadonlySet<string> = new Set(['participation']);

/** What the plugin leaves on the context: the subgraphs a mutation writes to, once it is allowed. */
export interface WritesContext extends RequestContext {
  written?: string[];
}

/**
 * Refuses, before the gateway plans it, a mutation with any root field that the supergraph does not give to a writable
 * subgraph alone (`@join__field`, or the `@join__type` of `Mutation` when a field has none), with
 * `MUTATION_NOT_ALLOWED`. A field shared with another subgraph is refused too: the write could land there.
 */
export function writableFieldsPlugin(touched: TouchedSubgraphs, writable = WRITABLE_SUBGRAPHS): ApolloServerPlugin<WritesContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const mutationType = schema.getMutationType()?.name ?? 'Mutation';
          const written = new Set<string>();
          for (const field of rootFields(operation, fragmentsOf(document))) {
            const owners = touched.ownersOf(mutationType, field);
            if (owners.size === 0 || [...owners].some((owner) => !writable.has(owner))) {
              throw refusal(
                ErrorCode.MUTATION_NOT_ALLOWED,
                `${mutationType}.${field} is read-only here: the gateway runs only the participation mutations (reports, flags, answers, progress).`,
              );
            }
            for (const owner of owners) written.add(owner);
          }
          contextValue.written = [...written].sort();
        },
      };
    },
  };
}

/** The root field names of an operation, through its fragments (`__typename` aside: no subgraph writes it). */
function rootFields(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (selections: OperationDefinitionNode['selectionSet']['selections']) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') names.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet.selections);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(operation.selectionSet.selections);
  return names;
}
