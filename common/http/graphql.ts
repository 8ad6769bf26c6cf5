import type { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Express, Request, RequestHandler } from 'express';
import type { HttpConfig } from '../config/http';
import { errorCodeOf, isClientError, refusal } from '../errors';
import type { Logger } from '../logger';
import { jsonBody } from './app';
import type { Metrics } from './metrics';

/** What every process's GraphQL context carries: the id under which the request is logged everywhere. */
export interface RequestContext extends BaseContext {
  requestId?: string;
}

/**
 * The plugins every Apollo server here runs: operation metrics, errors counted by code, internal errors — in
 * execution or around it — logged with their stack and request id (the client sees them masked), a 400 for an operation that cannot
 * be resolved, and no landing page (the explorer will be served from this origin, not from a CDN).
 */
/** Apollo's own log lines (startup, a failed plugin hook), written as JSON lines like every other. */
export function apolloLogger(logger: Logger): Logger {
  return logger.child({ component: 'apollo' });
}

export function commonPlugins(logger: Logger, metrics: Metrics): ApolloServerPlugin<RequestContext>[] {
  return [ApolloServerPluginLandingPageDisabled(), observability(logger, metrics), operationResolution()];
}

function observability(logger: Logger, metrics: Metrics): ApolloServerPlugin<RequestContext> {
  return {
    // A throw outside execution (a plugin's hook, say) ends the request with a bare 500, and Apollo's own line about
    // it carries no request id.
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      metrics.errors.inc({ code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR });
      logger.error({ requestId: requestContext.contextValue.requestId, err: error }, `internal error: ${error.message}`);
    },
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            metrics.errors.inc({ code: errorCodeOf(error) });
            if (isClientError(error)) continue;
            logger.error(
              { requestId: contextValue.requestId, err: error.originalError ?? error, path: error.path, extensions: error.extensions },
              `internal error: ${error.message}`,
            );
          }
        },
        async willSendResponse({ operation, response }) {
          const operationType = operation?.operation ?? 'unknown';
          metrics.operations.inc({ operation_type: operationType, status: String(response.http.status ?? 200) });
          metrics.operationDuration.observe({ operation_type: operationType }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

/**
 * Without an operation to run (an unknown `operationName`, or several operations and no name), or with a
 * mutation or subscription the schema has no root for (graphql 16 validates neither), the gateway's executor
 * fails as if it were an internal error; these are the client's mistakes, so they are refused with 400.
 */
function operationResolution(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) {
            throw refusal(
              ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
              request.operationName
                ? `Unknown operation named "${request.operationName}".`
                : 'The document holds several operations: name the one to run in operationName.',
            );
          }
          if (!schema.getRootType(operation.operation)) {
            throw refusal(ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, `This API serves no ${operation.operation}s.`);
          }
        },
      };
    },
  };
}

/**
 * `/graphql` on Apollo's Express 5 integration. `before` runs after the body is read and before Apollo (the
 * gateway's rate limits and token count). Express leaves `req.body` unset when no parser matched (a GET, a
 * wrong content type); Apollo then answers the coded 400 itself instead of the integration's plain 500.
 * Apollo knows only GET and POST: a HEAD is run as the GET it stands for, and Node sends its headers only.
 */
export function mountGraphQL<Context extends RequestContext>(
  app: Express,
  options: { server: ApolloServer<Context>; http: HttpConfig; context(req: Request): Promise<Context>; before?: RequestHandler[] },
): void {
  app.all(
    '/graphql',
    ...jsonBody(options.http),
    (req, _res, next) => {
      if (!Object.hasOwn(req, 'body')) req.body = undefined;
      if (req.method === 'HEAD') req.method = 'GET';
      next();
    },
    ...(options.before ?? []),
    expressMiddleware(options.server, { context: async ({ req }) => options.context(req) }),
  );
}
