import {
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  GraphQLObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** The variable the export adds to page through the connection. */
export const AFTER_VARIABLE = 'exportAfter';

/** A leaf of the node's selection: its dotted column name, the response keys that reach it, and whether it is a list. */
export interface Column {
  name: string;
  path: string[];
}

export interface ConnectionOperation {
  /** The operation, rewritten to take `$exportAfter` and to select the page info it needs. */
  document: DocumentNode;
  /** Response keys from `data` to the connection field. */
  path: string[];
  columns: Column[];
}

export class ExportError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_EXPORT_REQUEST' } });
  }
}

const PROVENANCE_FIELDS = ['dataset', 'file', 'row', 'path', 'publisher', 'licence'];

/**
 * Reads an export request's operation: exactly one connection (a field with `edges { node }`) reached through
 * single objects only, so that paging it to the end gives one row per node. The operation is rewritten to page with
 * `after: $exportAfter` and `first: pageSize`, to select `pageInfo { hasNextPage endCursor }`, and to select the
 * node's provenance (`source { … }`) when its type has one, so that every row says where it came from.
 */
export function connectionOperation(
  schema: GraphQLSchema,
  query: string,
  operationName: string | undefined,
  pageSize: number,
): ConnectionOperation {
  const document = parse(query);
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation)
    throw new ExportError(operationName ? `No operation named ${operationName}` : 'Give exactly one operation, or its operationName');
  if (operation.operation !== 'query') throw new ExportError('Only queries can be exported');
  if (document.definitions.some((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)) {
    throw new ExportError('Write the export without named fragments (inline fragments are fine)');
  }

  const found: { path: string[]; field: FieldNode; nodeType: GraphQLObjectType }[] = [];
  const typeInfo = new TypeInfo(schema);
  const keys: string[] = [];
  let underList = 0;
  visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(field) {
          const type = typeInfo.getType();
          if (!type) throw new ExportError(`Unknown field ${field.name.value}`);
          keys.push(field.alias?.value ?? field.name.value);
          const named = getNamedType(type);
          const node = named instanceof GraphQLObjectType ? connectionNode(named) : undefined;
          if (node) {
            if (underList > 0)
              throw new ExportError(`${keys.join('.')} is inside a list: export a connection reached through single objects`);
            found.push({ path: [...keys], field, nodeType: node });
            keys.pop();
            return false;
          }
          if (getNullableType(type) instanceof GraphQLList) underList += 1;
          return undefined;
        },
        leave() {
          const type = typeInfo.getType();
          if (type && getNullableType(type) instanceof GraphQLList) underList -= 1;
          keys.pop();
        },
      },
    }),
  );
  if (found.length !== 1)
    throw new ExportError(`An export pages through exactly one connection (edges { node }); this operation has ${found.length}`);
  const [{ path, field, nodeType }] = found;
  const nodeSelection = edgesNode(field);
  if (!nodeSelection) throw new ExportError(`Select edges { node { … } } on ${path.join('.')}`);
  const withSource = 'source' in nodeType.getFields() && !selects(nodeSelection, 'source') ? addSource(nodeSelection) : nodeSelection;
  const columns = columnsOf(withSource, []);
  return { document: rewrite(document, operation, field, withSource, pageSize), path, columns };
}

/** The node type of a Relay connection type, or undefined for any other type. */
function connectionNode(type: GraphQLObjectType): GraphQLObjectType | undefined {
  const edges = type.getFields().edges;
  if (!edges || !type.getFields().pageInfo) return undefined;
  const edge = getNamedType(edges.type);
  const node = edge instanceof GraphQLObjectType ? edge.getFields().node : undefined;
  const named = node && getNamedType(node.type);
  return named instanceof GraphQLObjectType ? named : undefined;
}

function edgesNode(field: FieldNode): SelectionSetNode | undefined {
  const edges = field.selectionSet?.selections.find(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === 'edges',
  );
  const node = edges?.selectionSet?.selections.find(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === 'node',
  );
  return node?.selectionSet;
}

function selects(selectionSet: SelectionSetNode, name: string): boolean {
  return selectionSet.selections.some(
    (selection) => selection.kind === Kind.FIELD && (selection.alias?.value ?? selection.name.value) === name,
  );
}

function addSource(selectionSet: SelectionSetNode): SelectionSetNode {
  const source = parse(`{ source { ${PROVENANCE_FIELDS.join(' ')} } }`).definitions[0] as OperationDefinitionNode;
  return { ...selectionSet, selections: [...selectionSet.selections, ...source.selectionSet.selections] };
}

/** Dotted columns for the leaves of a selection, in the order they are selected; inline fragments add theirs. */
function columnsOf(selectionSet: SelectionSetNode, prefix: string[]): Column[] {
  const columns: Column[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      columns.push(...columnsOf(selection.selectionSet, prefix).filter((column) => !columns.some((known) => known.name === column.name)));
    } else if (selection.kind === Kind.FIELD && selection.name.value !== '__typename') {
      const path = [...prefix, selection.alias?.value ?? selection.name.value];
      if (selection.selectionSet) columns.push(...columnsOf(selection.selectionSet, path));
      else if (!columns.some((known) => known.name === path.join('.'))) columns.push({ name: path.join('.'), path });
    }
  }
  return columns;
}

function rewrite(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  connection: FieldNode,
  node: SelectionSetNode,
  pageSize: number,
): DocumentNode {
  const pageInfo = (parse('{ pageInfo { hasNextPage endCursor } }').definitions[0] as OperationDefinitionNode).selectionSet.selections;
  const variable = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } } as const;
  return visit(document, {
    OperationDefinition(definition) {
      if (definition !== operation) return null;
      const variables = (definition.variableDefinitions ?? []).filter((known) => known.variable.name.value !== AFTER_VARIABLE);
      return {
        ...definition,
        variableDefinitions: [
          ...variables,
          { kind: Kind.VARIABLE_DEFINITION, variable, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } } },
        ],
      };
    },
    Field(field) {
      if (field !== connection) return undefined;
      const kept = (field.arguments ?? []).filter((argument) => !['first', 'after', 'last', 'before'].includes(argument.name.value));
      const edges = (field.selectionSet?.selections ?? []).filter(
        (selection) => !(selection.kind === Kind.FIELD && ['edges', 'pageInfo'].includes(selection.name.value)),
      );
      const edgesNodeSelection = parse('{ edges { node { __typename } } }').definitions[0] as OperationDefinitionNode;
      const edgesField = edgesNodeSelection.selectionSet.selections[0] as FieldNode;
      const nodeField = edgesField.selectionSet!.selections[0] as FieldNode;
      return {
        ...field,
        arguments: [
          ...kept,
          { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: { kind: Kind.INT, value: String(pageSize) } },
          { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: variable },
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            ...edges,
            ...pageInfo,
            { ...edgesField, selectionSet: { kind: Kind.SELECTION_SET, selections: [{ ...nodeField, selectionSet: node }] } },
          ],
        },
      };
    },
  });
}
