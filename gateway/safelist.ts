import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '../common/errors';
import { sendError } from '../common/http/respond';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Reads a safelist file (`{ "<sha256 of the operation>": "<operation>" }`), refusing one whose hashes do not match. */
export function readSafelist(file: string): Map<string, string> {
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const wrong = Object.entries(entries).filter(([hash, operation]) => typeof operation !== 'string' || sha256(operation) !== hash);
  if (wrong.length > 0) {
    throw new Error(`${file}: ${wrong.length} entries are not "<sha256 of the operation>": "<operation>" (${wrong[0][0]} …)`);
  }
  return new Map(Object.entries(entries as Record<string, string>));
}

/**
 * Safelist mode: only the listed operations run, asked by hash (Apollo's `extensions.persistedQuery`, also
 * in a GET, so a CDN can cache it) or by their exact text. A hash is swapped for its text before Apollo
 * sees the request, so Apollo runs it like any query.
 */
export function safelist(operations: Map<string, string>): RequestHandler {
  return (req, res, next) => {
    const { query, extensions } = graphqlParameters(req);
    const hash = extensions?.persistedQuery?.sha256Hash;
    if (typeof query === 'string') {
      if (operations.has(sha256(query))) next();
      else sendError(res, 400, ErrorCode.OPERATION_NOT_ALLOWED, 'Only safelisted operations run here: send one by its sha256Hash.');
      return;
    }
    if (typeof hash !== 'string') {
      next();
      return;
    }
    const operation = operations.get(hash);
    if (!operation) {
      sendError(res, 400, ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND, `No safelisted operation has the hash ${hash}.`);
      return;
    }
    const { persistedQuery: _used, ...otherExtensions } = extensions ?? {};
    if (req.method === 'GET') {
      const search = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1));
      search.set('query', operation);
      if (Object.keys(otherExtensions).length > 0) search.set('extensions', JSON.stringify(otherExtensions));
      else search.delete('extensions');
      req.url = `${req.path}?${search}`;
    } else {
      req.body = { ...req.body, query: operation, extensions: otherExtensions };
    }
    next();
  };
}

function graphqlParameters(req: Request): { query?: unknown; extensions?: Record<string, any> } {
  if (req.method !== 'GET') return req.body && typeof req.body === 'object' ? req.body : {};
  const { query, extensions } = req.query;
  try {
    return { query, extensions: typeof extensions === 'string' ? JSON.parse(extensions) : undefined };
  } catch {
    return { query };
  }
}
