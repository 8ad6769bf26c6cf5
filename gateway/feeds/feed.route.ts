import { createHash } from 'node:crypto';
import type { Express, Request, RequestHandler, Response } from 'express';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../common/errors';
import { sendError } from '../../common/http/respond';
import { type AtomEntry, atomXml } from './atom.format';
import { confirmed, pageOf, progressEntry, reportEntry } from './feed-entries.format';
import {
  COMMITMENT_FEED,
  COMMITMENT_REPORTS,
  type CommitmentFeedData,
  type Page,
  type ReportsPageData,
  STATE_FEED,
  STATE_PROGRESS,
  STATE_REPORTS,
  type StateFeedData,
  type StateProgressData,
} from './feed.query';

/** Runs one of the feeds' operations through the gateway's own Apollo server (its plugins, limits and cache). */
export type ExecuteFeed = (
  document: DocumentNode,
  variables: Record<string, unknown>,
  req: Request,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

export interface FeedOptions {
  execute: ExecuteFeed;
  /** How many entries a feed lists (the newest). */
  entries: number;
  /** The page size it reads reports and commitments in. */
  pageSize: number;
  /** `Cache-Control: max-age`, as for the GET answers of /graphql (0: `no-cache`, revalidate with the ETag). */
  httpMaxAgeSeconds: number;
  /** What /graphql checks first that applies here too (the rate limit). */
  before: RequestHandler[];
}

/**
 * The shapes of the ids the federation contract (docs/federation-contract.md) gives commitments — `MX-TLA-PAL-2016-03`,
 * a proactive `MX-…-P1`, an OGP plan's `OGP-JAL0008` — and states (INEGI's two digits). Anything else cannot name one.
 */
const COMMITMENT_ID = /^(MX-[A-Z]{3}-PAL-\d{4}-(\d{2}|P\d{1,2})|OGP-[A-Z0-9]{1,20})$/;
const STATE_ID = /^\d{2}$/;

/** The feed ended in `.atom`, or undefined for any other file name. */
function feedId(req: Request): string | undefined {
  const file = String(req.params.file);
  return file.endsWith('.atom') ? file.slice(0, -'.atom'.length) : undefined;
}

class FeedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `/feeds/commitments/<id>.atom` and `/feeds/states/<id>.atom`: a commitment's (or every item of a state's) public
 * reports and confirmed progress as Atom 1.0, for any feed reader. Built from GraphQL answers, so the response cache
 * serves them until participation's data version moves; the ETag is a digest of the feed's text, so a reader's
 * `If-None-Match` gets 304 exactly while nothing in the feed has changed.
 */
export function mountFeeds(app: Express, options: FeedOptions): void {
  const serve =
    (build: (id: string, req: Request) => Promise<string>, shape: RegExp, what: string): RequestHandler =>
    async (req, res) => {
      const id = feedId(req);
      if (id === undefined) return sendError(res, 404, ErrorCode.NOT_FOUND, `Nothing at ${req.path}: feeds end in .atom`);
      if (!shape.test(id)) return sendError(res, 400, 'BAD_FEED_ID', `Not ${what}`);
      try {
        send(res, await build(id, req), options.httpMaxAgeSeconds);
      } catch (error) {
        if (!(error instanceof FeedError)) throw error;
        sendError(res, error.status, error.code, error.message);
      }
    };
  app.get(
    '/feeds/commitments/:file',
    ...options.before,
    serve((id, req) => commitmentFeed(id, req, options), COMMITMENT_ID, 'a commitment id (e.g. MX-TLA-PAL-2016-03)'),
  );
  app.get(
    '/feeds/states/:file',
    ...options.before,
    serve((id, req) => stateFeed(id, req, options), STATE_ID, "a state's two-digit INEGI code (e.g. 29)"),
  );
}

function send(res: Response, xml: string, maxAge: number) {
  res.setHeader('etag', `"${createHash('sha256').update(xml).digest('base64url')}"`);
  res.setHeader('cache-control', maxAge > 0 ? `public, max-age=${maxAge}` : 'no-cache');
  res.type('application/atom+xml; charset=utf-8');
  // Express answers 304 itself when the request's If-None-Match holds this ETag.
  res.send(xml);
}

function originOf(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

async function run<T>(options: FeedOptions, document: DocumentNode, variables: Record<string, unknown>, req: Request): Promise<T> {
  const result = await options.execute(document, variables, req);
  // A feed missing part of its entries would look complete to a reader: any error fails the whole answer.
  if (result.errors?.length || !result.data) {
    const code = String(result.errors?.[0]?.extensions?.code ?? 'FEED_UNAVAILABLE');
    throw new FeedError(code === ErrorCode.RATE_LIMITED ? 429 : 503, code, 'The feed cannot be built right now; try again later');
  }
  return result.data as T;
}

/** Follows a connection's pages to the end; a cursor that does not move ends it rather than loop. */
async function allPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  do {
    const page: Page<T> = await fetchPage(after);
    nodes.push(...page.edges.map(({ node }) => node));
    const next = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    after = next === after ? null : next;
  } while (after !== null);
  return nodes;
}

/** The feed keeps the newest entries (the API lists reports oldest first); a reader keeps the older ones it has seen. */
function newest(entries: AtomEntry[], count: number): AtomEntry[] {
  return [...entries].sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id)).slice(0, count);
}

async function commitmentFeed(id: string, req: Request, options: FeedOptions): Promise<string> {
  const data = await run<CommitmentFeedData>(options, COMMITMENT_FEED, { id }, req);
  const commitment = data.commitment;
  if (!commitment) throw new FeedError(404, ErrorCode.NOT_FOUND, `No commitment ${id}`);
  const reports = await allPages(async (after) => {
    const page = await run<ReportsPageData>(options, COMMITMENT_REPORTS, { id, first: options.pageSize, after }, req);
    return page.page?.reports ?? EMPTY;
  });
  const origin = originOf(req);
  const self = `${origin}/feeds/commitments/${encodeURIComponent(id)}.atom`;
  const page = pageOf(origin, { type: 'COMMITMENT', id }, origin);
  const entries = [
    ...reports.map((report) => reportEntry(report, self, page)),
    ...confirmed(commitment.progress).map((update) => progressEntry(update, commitment, self, page)),
  ];
  const state = commitment.actionPlan?.state?.name;
  return atomXml({
    id: self,
    title: `${commitment.title} — reportes y avance`,
    subtitle: `Compromiso ${commitment.id}${state ? ` (${state})` : ''}: reportes públicos sobre la información y avances confirmados por el secretariado técnico.`,
    self,
    alternate: page,
    author: 'Sigue el dinero',
    entries: newest(entries, options.entries),
  });
}

async function stateFeed(id: string, req: Request, options: FeedOptions): Promise<string> {
  const data = await run<StateFeedData>(options, STATE_FEED, { id }, req);
  if (!data.state) throw new FeedError(404, ErrorCode.NOT_FOUND, `No state ${id}`);
  const reports = await allPages(async (after) => {
    const page = await run<ReportsPageData>(options, STATE_REPORTS, { id, first: options.pageSize, after }, req);
    return page.reports ?? EMPTY;
  });
  const commitments = await allPages(
    async (after) => (await run<StateProgressData>(options, STATE_PROGRESS, { id, first: options.pageSize, after }, req)).commitments,
  );
  const origin = originOf(req);
  const self = `${origin}/feeds/states/${encodeURIComponent(id)}.atom`;
  const statePage = pageOf(origin, { type: 'STATE', id }, origin);
  const entries = [
    ...reports.map((report) => reportEntry(report, self, pageOf(origin, report.target, statePage))),
    ...commitments.flatMap((commitment) =>
      confirmed(commitment.progress).map((update) =>
        progressEntry(update, commitment, self, pageOf(origin, { type: 'COMMITMENT', id: commitment.id }, statePage)),
      ),
    ),
  ];
  return atomXml({
    id: self,
    title: `${data.state.name} — reportes y avance de sus compromisos`,
    subtitle: `Reportes públicos sobre la información de ${data.state.name} y avances confirmados de sus compromisos de gobierno abierto.`,
    self,
    alternate: statePage,
    author: 'Sigue el dinero',
    entries: newest(entries, options.entries),
  });
}

const EMPTY: Page<never> = { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
