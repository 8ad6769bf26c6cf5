import { type DocumentNode, Kind, parse, type SelectionSetNode } from 'graphql';

/** `Type.field` → the fields of other subgraphs it `@requires`, as a selection on `Type`. */
export type Requirements = ReadonlyMap<string, SelectionSetNode>;

/**
 * The `@requires` of the supergraph (`@join__field(requires: "…")`): what the gateway fetches before it can resolve a
 * field, though the client never asked for it (archives' `documentation` needs budgets' payments). The response cache
 * keys an answer on those fields' subgraphs too, and the cost estimate counts them.
 */
export function requirementsOf(supergraph: DocumentNode): Requirements {
  const requirements = new Map<string, SelectionSetNode>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      for (const directive of field.directives ?? []) {
        if (directive.name.value !== 'join__field') continue;
        const requires = directive.arguments?.find((argument) => argument.name.value === 'requires')?.value;
        if (requires?.kind === Kind.STRING) requirements.set(`${definition.name.value}.${field.name.value}`, selectionOf(requires.value));
      }
    }
  }
  return requirements;
}

/** A `FieldSet` (`transactions { id amount }`) as a selection set. */
function selectionOf(fieldSet: string): SelectionSetNode {
  const [operation] = parse(`{ ${fieldSet} }`).definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error(`Not a field set: ${fieldSet}`);
  return operation.selectionSet;
}
