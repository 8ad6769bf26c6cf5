import {
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLInt,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
  visit,
} from 'graphql';
import type { Requirements } from '../requirements';

export interface CostOptions {
  /** The page a connection asked without `first` returns. */
  defaultPageSize: number;
  /** The largest page a subgraph serves (a larger `first` is refused there, so it never costs more). */
  maxPageSize: number;
  /** The length assumed for a list field that takes no `first`. */
  listSize: number;
  /** What fields `@requires` (from the supergraph): the gateway fetches them for each item as if asked. */
  requirements?: Requirements;
}

/**
 * How many objects the answer to `operation` may hold: each object field counts once per item of every list
 * above it, and a list's length is the `first` it was asked for (the default page size when absent, the
 * assumed list size for plain lists). So `children(first: 100) { … children(first: 100) }` costs 100 × 100.
 *
 * Written here because graphql-armor's cost limit weighs a field by its depth only and never reads `first`:
 * it scores the three-level `children(first: 100)` query, which asks for a million institutions, like a
 * three-level query of single objects. A field that `@requires` others costs what they would: the gateway fetches
 * them for every item though the client did not ask.
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  options: CostOptions,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const pageSize = (value: unknown, fallback: unknown): number => {
    const given = value ?? fallback;
    if (given === undefined || given === null) return options.defaultPageSize;
    const size = Number(given);
    // A value the subgraph will refuse costs as much as the largest page it could have been.
    return Number.isInteger(size) && size >= 0 ? Math.min(size, options.maxPageSize) : options.maxPageSize;
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, items: number, page: number | undefined): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[selection.name.value];
        const required = options.requirements?.get(`${parent.name}.${selection.name.value}`);
        if (required) cost += walk(required, parent, items, undefined);
        if (!field || !selection.selectionSet) continue;
        const type = getNamedType(field.type);
        if (!isCompositeType(type)) continue;
        // A list inside a connection (its edges) is as long as the page the connection was asked for.
        const length = isListType(getNullableType(field.type)) ? (page ?? options.listSize) : 1;
        const firstArgument = field.args.find((argument) => argument.name === 'first');
        const firstNode = selection.arguments?.find((argument) => argument.name.value === 'first');
        const childPage = firstArgument
          ? pageSize(firstNode ? valueFromAST(firstNode.value, GraphQLInt, variables) : undefined, firstArgument.defaultValue)
          : undefined;
        const fetched = items * length;
        cost += fetched + walk(selection.selectionSet, type, fetched, childPage);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) cost += walk(selection.selectionSet, condition, items, page);
      } else {
        const fragment = fragments[selection.name.value];
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (condition && isCompositeType(condition)) cost += walk(fragment.selectionSet, condition, items, page);
      }
    }
    return cost;
  };
  return walk(operation.selectionSet, root, 1, undefined);
}

/**
 * Whether `estimateCost` can give another figure for other variables: only a `first` given as a variable reads them.
 * When it cannot, the cost an accepted operation passed with once holds for any variables.
 */
export function costReadsVariables(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): boolean {
  let reads = false;
  const visitor = {
    Argument(argument: ArgumentNode) {
      if (argument.name.value !== 'first') return false;
      visit(argument.value, {
        Variable() {
          reads = true;
        },
      });
      return false;
    },
  };
  visit(operation, visitor);
  for (const fragment of Object.values(fragments)) visit(fragment, visitor);
  return reads;
}

/** The document's fragments by name, as the cost estimate reads them. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}
