import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Codes of the limits and refusals this project adds to Apollo's own. */
export const ErrorCode = {
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A request's JSON nests arrays and objects deeper than `MAX_JSON_DEPTH`. */
  JSON_TOO_DEEP: 'JSON_TOO_DEEP',
  /** A client took longer than `HEADERS_TIMEOUT_MS` or `REQUEST_TIMEOUT_MS` to send its request. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** A request's headers (its URL included) are larger than Node's limit, 16 KiB. */
  REQUEST_HEADERS_TOO_LARGE: 'REQUEST_HEADERS_TOO_LARGE',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  OPERATION_NOT_ALLOWED: 'OPERATION_NOT_ALLOWED',
  /** A mutation of a field no writable subgraph owns: the rest of the API is read-only. */
  MUTATION_NOT_ALLOWED: 'MUTATION_NOT_ALLOWED',
  /** A subgraph refused the connection, dropped it, or answered with a 5xx: its fields are null. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph did not answer within `SUBGRAPH_TIMEOUT_MS`: its fields are null. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** No usable identity: a forged, expired, wrong-audience or unsigned token (participation's writes). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A valid identity acting outside its role or state. */
  FORBIDDEN: 'FORBIDDEN',
  /** An idempotency key sent again with a different write: the first write stands. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;

/**
 * Failures that are ours but whose message names only a service and a path: shown in production (a client
 * needs them to read a partial answer), and logged like any internal error.
 */
export const SERVICE_FAILURE_CODES = new Set<string>([ErrorCode.SUBGRAPH_UNAVAILABLE, ErrorCode.SUBGRAPH_TIMEOUT]);

/** Errors a client caused and can act on: their messages are safe to show, also in production. */
export const CLIENT_ERROR_CODES = new Set<string>([
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ...Object.values(ErrorCode).filter((code) => !SERVICE_FAILURE_CODES.has(code)),
]);

export function errorCodeOf(error: { extensions?: Record<string, unknown> }): string {
  return String(error.extensions?.code ?? ApolloServerErrorCode.INTERNAL_SERVER_ERROR);
}

export function isClientError(error: { extensions?: Record<string, unknown> }): boolean {
  return CLIENT_ERROR_CODES.has(errorCodeOf(error));
}

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } });
}

/** A refusal before execution, answered with an HTTP status (Apollo reads `extensions.http`). */
export function refusal(code: string, message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/**
 * The one `formatError` of the gateway and the subgraphs. In production a response carries no stack trace
 * and no internal message (SQL, file paths, a subgraph's internals) — only the message of errors a client
 * caused; the server logs what it masked (see the error-logging plugin). Elsewhere errors pass through so
 * developers can see what broke.
 */
export function maskErrors(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (!production) return formatted;
    const location = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (isClientError(formatted) || SERVICE_FAILURE_CODES.has(errorCodeOf(formatted))) {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, ...location, extensions };
    }
    return { message: 'Internal server error', ...location, extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
