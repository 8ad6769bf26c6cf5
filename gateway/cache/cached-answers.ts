import type { Request, RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { CostCheck } from '../limits/limits.plugin';
import type { AcceptedOperations } from './accepted-operations';
import { answerHeaders, answerKey } from './answer-key';
import type { DataVersions } from './data-versions';
import type { ResponseStore } from './response-store';

export interface CachedAnswersOptions {
  store: ResponseStore;
  versions: DataVersions;
  accepted: AcceptedOperations;
  schema(): GraphQLSchema | undefined;
  overCost: CostCheck;
  httpMaxAgeSeconds: number;
  /** A hit answered here, with the seconds it took (Apollo's plugins, which count the others, never see it). */
  onHit(seconds: number): void;
  onStoreError(error: unknown): void;
}

interface Question {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

const MISSED_KEY = 'responseCacheMissed';

/**
 * The key this request's lookup in front of Apollo has just missed, for Apollo's plugin, which would otherwise read the
 * store again for the same key (with Redis, a second round trip for every miss).
 */
export function missedKey(req: Request): string | undefined {
  const key: unknown = req.res?.locals[MISSED_KEY];
  return typeof key === 'string' ? key : undefined;
}

/** The content type Apollo answers a JSON request with. */
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Answers a repeated query from the response cache before Apollo's pipeline: one lookup of the text among those Apollo
 * already accepted, one cost check with these variables, one hash and one store read, where Apollo would parse,
 * validate, run every plugin and serialise the answer again. It runs after the rate limit, the safelist and the token
 * limit, and only for a text Apollo accepted against the current schema, so it lets through nothing they would refuse.
 * Anything unusual (a token, which the answer may depend on; no text, a persisted-query hash, extensions, an Accept header asking for another type, an unknown
 * text, a cost over the limit, a miss, a store failure) goes on to Apollo, which answers it as it always did. The answer
 * carries the same headers as a hit Apollo serves: `x-cache`, and for a GET the `ETag` (so Express answers
 * `If-None-Match` with 304) and `Cache-Control`.
 */
export function cachedAnswers(options: CachedAnswersOptions): RequestHandler {
  return async (req, res, next) => {
    const started = process.hrtime.bigint();
    const question = questionOf(req);
    const schema = options.schema();
    const accepted = question && options.accepted.get(question.query, question.operationName);
    if (
      !question ||
      req.headers.authorization !== undefined ||
      !accepted ||
      accepted.schema !== schema ||
      !jsonAccepted(req.headers.accept) ||
      !options.versions.known(accepted.subgraphs) ||
      (accepted.costReadsVariables && options.overCost(accepted.schema, accepted.operation, accepted.fragments, question.variables))
    ) {
      next();
      return;
    }
    const key = await answerKey(options.versions, { ...question, digest: accepted.digest }, accepted.subgraphs);
    let cached: string | undefined;
    try {
      cached = await options.store.get(key);
    } catch (error) {
      options.onStoreError(error);
    }
    if (cached === undefined) {
      res.locals[MISSED_KEY] = key;
      next();
      return;
    }
    res.setHeader('content-type', JSON_TYPE);
    // What Apollo's cache-control plugin says of every POST answer here (no subgraph sends cache hints).
    if (req.method !== 'GET') res.setHeader('cache-control', 'no-store');
    for (const [name, value] of answerHeaders(key, true, req.method, options.httpMaxAgeSeconds)) res.setHeader(name, value);
    // Apollo ends every JSON answer with a newline.
    res.send(`${cached}\n`);
    options.onHit(Number(process.hrtime.bigint() - started) / 1e9);
  };
}

/**
 * The question as Apollo would read it, or undefined when the request is not a plain query by text (Apollo then reads
 * it and answers whatever is wrong with it).
 */
function questionOf(req: Request): Question | undefined {
  if (req.method === 'POST') {
    const body: unknown = req.body;
    if (!isRecord(body)) return undefined;
    const { query, operationName, variables, extensions } = body;
    if (typeof query !== 'string') return undefined;
    if (operationName != null && typeof operationName !== 'string') return undefined;
    if (variables != null && !isRecord(variables)) return undefined;
    if (extensions != null && !(isRecord(extensions) && Object.keys(extensions).length === 0)) return undefined;
    return { query, operationName: operationName ?? undefined, variables: variables ?? undefined };
  }
  if (req.method === 'GET') {
    if (req.headers['content-type'] !== undefined) return undefined;
    const { query, operationName, variables, extensions } = req.query;
    if (typeof query !== 'string' || extensions !== undefined) return undefined;
    if (operationName !== undefined && typeof operationName !== 'string') return undefined;
    if (variables === undefined) return { query, operationName };
    if (typeof variables !== 'string') return undefined;
    try {
      const parsed: unknown = JSON.parse(variables);
      return isRecord(parsed) ? { query, operationName, variables: parsed } : parsed === null ? { query, operationName } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether Apollo would pick plain JSON for this Accept header; other headers are left to its negotiation. */
function jsonAccepted(accept: string | undefined): boolean {
  return accept === undefined || accept === '*/*' || accept === 'application/json';
}
