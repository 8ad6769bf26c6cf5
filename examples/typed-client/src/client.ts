import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A GraphQL error as the API answers it: a message and a code a program can branch on. */
export interface ApiError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string };
}

/**
 * Runs a typed operation against the API: the result's type follows the operation's selection, so a field the
 * schema drops or renames breaks this program at compile time rather than at a hackathon demo.
 */
export async function request<Result, Variables>(
  endpoint: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<{ data: Result | null; errors: ApiError[] }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result | null; errors?: ApiError[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
