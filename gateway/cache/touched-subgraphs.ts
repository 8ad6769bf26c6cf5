import {
  type ConstDirectiveNode,
  type DocumentNode,
  getNamedType,
  type GraphQLSchema,
  isObjectType,
  isInterfaceType,
  Kind,
  type SelectionSetNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type InterfaceTypeDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  buildASTSchema,
} from 'graphql';
import type { Requirements } from '../requirements';
import { argument, type Supergraph } from '../supergraph';

type Owners = Map<string, Set<string>>;

/**
 * Which subgraphs an operation can reach, read from the supergraph's `@join__type` / `@join__field` directives: a
 * field owned by one subgraph (`@join__field(graph: BUDGETS)`) touches it; a field without one is served by every
 * subgraph that defines its type (shareable value types), so all of them count. Conservative by design: an answer
 * is never keyed on fewer subgraphs than could have produced it, so no import can leave it stale. A field that
 * `@requires` fields of other subgraphs (archives' `documentation` weighs budgets' payments) touches their owners too.
 */
export class TouchedSubgraphs {
  private readonly schema: GraphQLSchema;
  private readonly fieldOwners: Owners = new Map();
  private readonly typeOwners: Owners = new Map();
  private readonly requirements: Requirements;

  constructor(supergraph: Supergraph) {
    const { document } = supergraph;
    this.schema = buildASTSchema(document, { assumeValidSDL: true });
    const graphNames = new Map([...supergraph.graphs].map(([graph, { name }]) => [graph, name]));
    this.requirements = supergraph.requirements;
    for (const definition of document.definitions) {
      if (!isTypeWithFields(definition)) continue;
      const type = definition.name.value;
      for (const graph of graphsIn(definition.directives, 'join__type', graphNames)) add(this.typeOwners, type, graph);
      for (const field of definition.fields ?? []) {
        for (const directive of field.directives ?? []) {
          if (directive.name.value !== 'join__field' || argument(directive, 'external') === 'true') continue;
          const graph = argument(directive, 'graph');
          if (graph) add(this.fieldOwners, `${type}.${field.name.value}`, graphNames.get(graph) ?? graph);
        }
      }
    }
  }

  /**
   * The subgraph names the operation may touch, sorted. As the query planner does, a field that the subgraph which
   * resolved its parent can also resolve (a key, a shareable value) is taken from there; a field it cannot resolve
   * is a jump to the field's owners, all of them counted when there are several.
   */
  of(document: DocumentNode): string[] {
    const touched = new Set<string>();
    const typeInfo = new TypeInfo(this.schema);
    const resolvers: (ReadonlySet<string> | null)[] = [null];
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter: (field) => {
            const parent = typeInfo.getParentType();
            const current = resolvers[resolvers.length - 1];
            if (!parent || field.name.value.startsWith('__')) {
              resolvers.push(current);
              return;
            }
            this.touchRequired(parent.name, field.name.value, touched, current);
            const resolving = resolvingFrom(this.ownersOf(parent.name, field.name.value), current);
            for (const owner of resolving) touched.add(owner);
            resolvers.push(resolving);
          },
          leave: () => {
            resolvers.pop();
          },
        },
      }),
    );
    return [...touched].sort();
  }

  /**
   * Adds the owners of the fields a `@requires` selection names, nested selections and their own requirements
   * included, chosen as for the client's fields: a key every subgraph defines (`contract { id }`) comes from the
   * subgraph that resolved its parent, not from every subgraph that extends its type.
   */
  private touchRequired(type: string, field: string, touched: Set<string>, current: ReadonlySet<string> | null) {
    const required = this.requirements.get(`${type}.${field}`);
    if (required) this.touchSelection(type, required, touched, current);
  }

  private touchSelection(type: string, selectionSet: SelectionSetNode, touched: Set<string>, current: ReadonlySet<string> | null) {
    const parent = this.schema.getType(type);
    if (!isObjectType(parent) && !isInterfaceType(parent)) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        this.touchSelection(selection.typeCondition?.name.value ?? type, selection.selectionSet, touched, current);
        continue;
      }
      if (selection.kind !== Kind.FIELD) continue;
      const name = selection.name.value;
      const resolving = resolvingFrom(this.ownersOf(type, name), current);
      for (const owner of resolving) touched.add(owner);
      this.touchRequired(type, name, touched, current);
      const definition = parent.getFields()[name];
      if (definition && selection.selectionSet)
        this.touchSelection(getNamedType(definition.type).name, selection.selectionSet, touched, resolving);
    }
  }

  /**
   * The subgraphs that resolve `type.field`: its owners (`@join__field(graph: …)`), or, for a field without one, every
   * subgraph that defines the type. The gateway's writes are checked against it (gateway/writes/).
   */
  ownersOf(type: string, field: string): ReadonlySet<string> {
    return this.fieldOwners.get(`${type}.${field}`) ?? this.ownersOfType(type);
  }

  private ownersOfType(type: string): Set<string> {
    return this.typeOwners.get(type) ?? new Set();
  }
}

/** The owners of a field that will resolve it: those among the subgraphs that resolved its parent, else all of them. */
function resolvingFrom(owners: ReadonlySet<string>, current: ReadonlySet<string> | null): ReadonlySet<string> {
  const staying = current ? new Set([...owners].filter((owner) => current.has(owner))) : new Set<string>();
  return staying.size > 0 ? staying : owners;
}

function isTypeWithFields(
  definition: DocumentNode['definitions'][number],
): definition is ObjectTypeDefinitionNode | ObjectTypeExtensionNode | InterfaceTypeDefinitionNode {
  return (
    definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
    definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
    definition.kind === Kind.INTERFACE_TYPE_DEFINITION
  );
}

/** `join__Graph` enum values (`BUDGETS`) → subgraph names (`budgets`). */
function graphsIn(directives: readonly ConstDirectiveNode[] | undefined, name: string, graphNames: Map<string, string>): string[] {
  return (directives ?? [])
    .filter((directive) => directive.name.value === name)
    .map((directive) => argument(directive, 'graph'))
    .filter((graph): graph is string => graph !== undefined)
    .map((graph) => graphNames.get(graph) ?? graph);
}

function add(owners: Owners, key: string, graph: string) {
  const known = owners.get(key) ?? new Set<string>();
  known.add(graph);
  owners.set(key, known);
}
