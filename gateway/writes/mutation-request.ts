import type { Request } from 'express';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';

/** The text last classified for each request, and what it was: the safelist may swap a hash for a text between two looks. */
const classified = new WeakMap<Request, { query: string; mutation: boolean }>();

/**
 * Whether the request asks for a mutation, read before Apollo so that the budgets can tell writes from reads. Only a
 * text that holds the word can hold a mutation, so nearly every read is told apart without parsing; a text the parse
 * refuses (or one over `maxTokens`) counts as a read here, and Apollo or the token limit refuses it afterwards.
 */
export function isMutationRequest(req: Request, maxTokens: number): boolean {
  const { query, operationName } = parameters(req);
  if (typeof query !== 'string' || !query.includes('mutation')) return false;
  const known = classified.get(req);
  if (known?.query === query) return known.mutation;
  const mutation = selectedOperation(query, operationName, maxTokens)?.operation === 'mutation';
  classified.set(req, { query, mutation });
  return mutation;
}

function selectedOperation(query: string, operationName: unknown, maxTokens: number): OperationDefinitionNode | undefined {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query, { noLocation: true, maxTokens }).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return undefined;
  }
  if (typeof operationName === 'string' && operationName !== '')
    return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

function parameters(req: Request): { query?: unknown; operationName?: unknown } {
  if (req.method === 'GET') return req.query;
  const body: unknown = req.body;
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}
