import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/**
 * One error per problem: when several subgraphs refuse the same input of a shared field (`Query.search`'s text is
 * checked by all four, which the gateway asks in parallel), the client gets the first of the identical errors — same
 * message, code and path — rather than one copy per subgraph.
 */
export function repeatedErrorsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          if (!singleResult.errors || singleResult.errors.length < 2) return;
          singleResult.errors = distinctErrors(singleResult.errors);
        },
      };
    },
  };
}

export function distinctErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = JSON.stringify([error.message, error.extensions?.code ?? null, error.path ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
