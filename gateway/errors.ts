import type { GraphQLFormattedError } from 'graphql';
import { SUBGRAPH_ERROR_CODES } from './subgraph-client';

/** Error codes a client caused and can act on; their messages are safe to show. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * In production the gateway forwards no stack trace and no internal message — neither its own nor a
 * subgraph's — only the code and message of errors the client caused.
 */
export function maskErrors(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (!production) return formatted;
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const location = {
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
    };
    if (CLIENT_CODES.has(code)) return { message: formatted.message, ...location, extensions: { code } };
    // Which service failed and where is what a client needs to read a partial answer; the message names nothing internal.
    if (SUBGRAPH_ERROR_CODES.includes(code)) {
      return { message: formatted.message, ...location, extensions: { code, serviceName: formatted.extensions?.serviceName } };
    }
    return { message: 'Internal server error', ...location, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
