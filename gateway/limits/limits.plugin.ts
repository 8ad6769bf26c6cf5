import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  validate,
} from 'graphql';
import type { LimitsConfig } from '../../common/config/limits';
import { ErrorCode, refusal } from '../../common/errors';
import type { RequestContext } from '../../common/http/graphql';
import type { Requirements } from '../requirements';
import { costReadsVariables, estimateCost, fragmentsOf } from './cost';

type Limits = LimitsConfig & { maxPageSize: number; defaultPageSize: number };

/** The operation's refusal when its estimated cost with these variables is over `limits.maxCost`, else undefined. */
export type CostCheck = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
) => GraphQLError | undefined;

/** `requirements`: the fields each `@requires` makes the gateway fetch, counted in the cost as if asked for. */
export function costCheck(limits: Limits, requirements?: Requirements): CostCheck {
  return (schema, operation, fragments, variables) => {
    const cost = estimateCost(schema, operation, fragments, variables ?? {}, { ...limits, requirements });
    if (cost <= limits.maxCost) return undefined;
    return refusal(
      ErrorCode.QUERY_TOO_COSTLY,
      `The operation may return about ${cost} objects, over the limit of ${limits.maxCost}: ask for smaller pages or fewer levels.`,
    );
  };
}

/**
 * Depth, aliases, directives and estimated cost, checked once the operation is known and before the gateway
 * plans it, so an abusive operation never reaches a subgraph. graphql-armor counts depth, aliases and
 * directives; its rules run here rather than as validation rules because Apollo recodes every validation
 * error GRAPHQL_VALIDATION_FAILED, and a client should learn which limit it hit.
 */
export function limitsPlugin(limits: Limits, overCost: CostCheck): ApolloServerPlugin<RequestContext> {
  const reject = (code: string) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(refusal(code, error.message.replace(/^Syntax Error: /, '')));
  const rules = [
    maxDepthRule({ n: limits.maxDepth, propagateOnRejection: false, onReject: [reject(ErrorCode.QUERY_TOO_DEEP)] }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [reject(ErrorCode.TOO_MANY_ALIASES)] }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [reject(ErrorCode.TOO_MANY_DIRECTIVES)] }),
  ];
  // Apollo keeps one parsed document per text, so what holds of a document need not be checked again for it: the
  // depth, alias and directive counts always, the cost when no `first` reads a variable. Refusals are not kept.
  const withinRules = new WeakMap<DocumentNode, GraphQLSchema>();
  const withinCost = new WeakMap<OperationDefinitionNode, GraphQLSchema>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          if (withinRules.get(document) !== schema) {
            const [refused] = validate(schema, document, rules);
            if (refused) throw refused;
            withinRules.set(document, schema);
          }
          if (withinCost.get(operation) === schema) return;
          const fragments = fragmentsOf(document);
          const tooCostly = overCost(schema, operation, fragments, request.variables);
          if (tooCostly) throw tooCostly;
          if (!costReadsVariables(operation, fragments)) withinCost.set(operation, schema);
        },
      };
    },
  };
}
