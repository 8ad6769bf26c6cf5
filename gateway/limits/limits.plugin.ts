import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { type FragmentDefinitionNode, type GraphQLError, Kind, type ValidationContext, validate } from 'graphql';
import type { LimitsConfig } from '../../common/config/limits';
import { ErrorCode, refusal } from '../../common/errors';
import type { RequestContext } from '../../common/http/graphql';
import type { Requirements } from '../requirements';
import { estimateCost } from './cost';

type Limits = LimitsConfig & { maxPageSize: number; defaultPageSize: number };

/**
 * Depth, aliases, directives and estimated cost, checked once the operation is known and before the gateway
 * plans it, so an abusive operation never reaches a subgraph. graphql-armor counts depth, aliases and
 * directives; its rules run here rather than as validation rules because Apollo recodes every validation
 * error GRAPHQL_VALIDATION_FAILED, and a client should learn which limit it hit.
 */
export function limitsPlugin(limits: Limits, requirements?: Requirements): ApolloServerPlugin<RequestContext> {
  const reject = (code: string) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(refusal(code, error.message.replace(/^Syntax Error: /, '')));
  const rules = [
    maxDepthRule({ n: limits.maxDepth, propagateOnRejection: false, onReject: [reject(ErrorCode.QUERY_TOO_DEEP)] }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [reject(ErrorCode.TOO_MANY_ALIASES)] }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [reject(ErrorCode.TOO_MANY_DIRECTIVES)] }),
  ];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const [refused] = validate(schema, document, rules);
          if (refused) throw refused;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const cost = estimateCost(schema, operation, fragments, request.variables ?? {}, { ...limits, requirements });
          if (cost > limits.maxCost) {
            throw refusal(
              ErrorCode.QUERY_TOO_COSTLY,
              `The operation may return about ${cost} objects, over the limit of ${limits.maxCost}: ask for smaller pages or fewer levels.`,
            );
          }
        },
      };
    },
  };
}
