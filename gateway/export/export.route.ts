import type { ApolloServer } from '@apollo/server';
import type { Express, Request, RequestHandler, Response } from 'express';
import { jsonBody } from '../../common/http/app';
import type { RequestContext } from '../../common/http/graphql';
import type { HttpConfig } from '../../common/config/http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, GraphQLError } from 'graphql';
import { ErrorCode } from '../../common/errors';
import { csvLine } from '../../common/csv';
import { AFTER_VARIABLE, type ConnectionOperation, connectionOperation } from './connection-operation';
import { csvCells, jsonRow, valueAt } from './rows';

export type ExportFormat = 'csv' | 'ndjson';

/** Runs one page of the export's operation the way /graphql would (same plugins and limits). */
export type ExecutePage = (
  request: { document: DocumentNode; variables: Record<string, unknown>; operationName?: string },
  req: Request,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

export interface ExportOptions extends Omit<ExportPages, 'execute'> {
  server: ApolloServer<RequestContext>;
  http: HttpConfig;
  /** The same checks /graphql runs before Apollo (rate limits, safelist, token count). */
  before: RequestHandler[];
}

/** A refusal's message when the client's budget has no room for one more page, else undefined. */
export type PageCharge = (req: Request) => Promise<{ message: string } | undefined>;

/** `/export.csv` and `/export.ndjson`, each page run through the gateway's own Apollo server and its plugins. */
export function mountExport(app: Express, options: ExportOptions): void {
  const execute: ExecutePage = async ({ document, variables, operationName }, req) => {
    const response = await options.server.executeOperation(
      { query: document, variables, operationName },
      { contextValue: { requestId: String(req.id) } },
    );
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
    return response.body.singleResult;
  };
  const pages: ExportPages = { ...options, execute };
  for (const format of ['csv', 'ndjson'] as const) {
    app.all(`/export.${format}`, ...jsonBody(options.http), ...options.before, exportRoute(format, pages));
  }
}

interface ExportRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

/** What the export route needs to page a query: the schema, the page size, the timeouts and charges, and a runner. */
export interface ExportPages {
  /** The API schema the gateway serves (known once its supergraph is loaded). */
  schema(): GraphQLSchema;
  pageSize: number;
  /** How long a page may wait for a client that takes nothing before the connection is closed. */
  stallTimeoutMs: number;
  execute: ExecutePage;
  /** Charges each page after the first to the client's rate-limit budget (unset: no rate limits). */
  chargePage?: PageCharge;
}

/** Apollo has logged and counted an error it threw (see common/http/graphql.ts); the client learns only that much. */
const INTERNAL_ERROR = { message: 'Internal server error', extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };

/**
 * `GET|POST /export.csv` and `/export.ndjson`: runs a GraphQL query and pages its one connection to the end, writing
 * each page as it arrives and waiting for the client to take it before asking for the next, so memory stays at one
 * page whatever the size of the export. The first page decides the answer's status: a query that fails answers 4xx
 * with the GraphQL errors; a failure later ends the transfer early (CSV) or with an error line (NDJSON), never with
 * a file that looks complete. Each page after the first counts as one request against the client's rate limit, as
 * it costs the subgraphs as much as one; a client that stops taking pages for `stallTimeoutMs` is disconnected.
 */
export function exportRoute(format: ExportFormat, pages: ExportPages): RequestHandler {
  return async (req, res) => {
    let request: ExportRequest;
    let operation: ConnectionOperation;
    try {
      request = exportRequest(req);
      operation = connectionOperation(pages.schema(), request.query, request.operationName, pages.pageSize);
    } catch (error) {
      const { message, extensions } = error instanceof GraphQLError ? error : new GraphQLError(String(error));
      res.status(400).json({ errors: [{ message, extensions: { code: extensions.code ?? 'GRAPHQL_PARSE_FAILED' } }] });
      return;
    }
    let after: string | null = null;
    let rows = 0;
    const drained = drainWaiter(res, pages.stallTimeoutMs);
    const stop = (status: number, errors: readonly GraphQLFormattedError[]) => {
      if (!res.headersSent) res.status(status).json({ errors });
      else if (format === 'ndjson') {
        const [first] = errors;
        res.end(`${JSON.stringify({ error: first.message, code: first.extensions?.code, rowsWritten: rows })}\n`);
      } else res.destroy();
    };
    do {
      if (after !== null && pages.chargePage) {
        const refused = await pages.chargePage(req);
        if (refused) {
          res.locals.errorCode = ErrorCode.RATE_LIMITED;
          stop(429, [{ message: refused.message, extensions: { code: ErrorCode.RATE_LIMITED } }]);
          return;
        }
      }
      const result = await pages
        .execute(
          {
            document: operation.document,
            variables: { ...request.variables, [AFTER_VARIABLE]: after },
            operationName: request.operationName,
          },
          req,
        )
        .catch(() => undefined);
      if (!result) {
        stop(500, [INTERNAL_ERROR]);
        return;
      }
      const connection = valueAt(result.data, operation.path) as Connection | null;
      if (result.errors?.length || !connection) {
        stop(
          400,
          result.errors?.length
            ? result.errors
            : [{ message: `Nothing at ${operation.path.join('.')}`, extensions: { code: 'BAD_EXPORT_REQUEST' } }],
        );
        return;
      }
      if (!res.headersSent) start(res, format, operation);
      const page = connection.edges
        .map(({ node }) =>
          format === 'csv' ? csvLine(csvCells(node, operation.columns)) : `${JSON.stringify(jsonRow(node, operation.columns))}\n`,
        )
        .join('');
      rows += connection.edges.length;
      if (!res.write(page)) await drained();
      const next = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      // A cursor that does not move would page forever: stop rather than trust it.
      after = next === after ? null : next;
    } while (after !== null && !res.destroyed);
    if (!res.destroyed) res.end();
  };
}

/**
 * Resolves once the response takes more data, or once the client has gone (a response that closes never drains); a
 * client that takes nothing for `stallMs` is disconnected, which resolves it too.
 * One lasting listener rather than `events.once(res, 'drain')` per page: the compression middleware hands
 * `res.on('drain')` to its zlib stream but not the listener's removal, so each page would leave one behind.
 */
function drainWaiter(res: Response, stallMs: number): () => Promise<void> {
  let wake: (() => void) | undefined;
  let stalled: NodeJS.Timeout | undefined;
  const resume = () => {
    clearTimeout(stalled);
    wake?.();
    wake = undefined;
  };
  res.on('drain', resume);
  res.once('close', resume);
  return () => {
    if (res.destroyed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      wake = resolve;
      stalled = setTimeout(() => res.destroy(), stallMs);
    });
  };
}

interface Connection {
  edges: { node: unknown }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function start(res: Response, format: ExportFormat, operation: ConnectionOperation) {
  const name = operation.path.at(-1) ?? 'export';
  res.setHeader('content-disposition', `attachment; filename="${name}.${format}"`);
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8');
    // The BOM tells spreadsheets the file is UTF-8, so accents survive a double-click.
    res.write(`\uFEFF${csvLine(operation.columns.map((column) => column.name))}`);
  } else {
    res.type('application/x-ndjson; charset=utf-8');
  }
}

function exportRequest(req: Request): ExportRequest {
  const source = req.method === 'POST' ? (req.body as Record<string, unknown> | undefined) : req.query;
  const query = source?.query;
  if (typeof query !== 'string' || query.trim() === '')
    throw new GraphQLError('Give the GraphQL query to export in `query`', { extensions: { code: 'BAD_REQUEST' } });
  let variables = source?.variables ?? {};
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      throw new GraphQLError('`variables` is not valid JSON', { extensions: { code: 'BAD_REQUEST' } });
    }
  }
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) {
    throw new GraphQLError('`variables` must be a JSON object', { extensions: { code: 'BAD_REQUEST' } });
  }
  const operationName = typeof source?.operationName === 'string' && source.operationName ? source.operationName : undefined;
  return { query, variables: variables as Record<string, unknown>, operationName };
}
