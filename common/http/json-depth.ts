import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors';
import { sendError } from './respond';

/**
 * Whether `value` nests arrays and objects more than `max` levels deep. Walked with a stack of its own rather than by
 * recursion, so that the check itself cannot overflow the call stack it protects.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: unknown[] = [value];
  const depths: number[] = [1];
  while (pending.length > 0) {
    const item = pending.pop();
    const depth = depths.pop() as number;
    if (item === null || typeof item !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(item)) {
      if (child !== null && typeof child === 'object') {
        pending.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** The GET parameters that Apollo and the export read as JSON. */
const JSON_PARAMETERS = ['variables', 'extensions'] as const;

/**
 * Refuses a request whose JSON nests deeper than `max` levels — the parsed POST body, or a GET's `variables` and
 * `extensions` counted as if they sat in a body — with a coded 400 before anything else reads it. V8's `JSON.parse`
 * does not recurse, but `JSON.stringify` and any code walking the value do: a 10 kB body of 5,000 nested arrays would
 * overflow the stack in the response cache's key or a log line.
 */
export function jsonDepthLimit(max: number): RequestHandler {
  const refuse: RequestHandler = (_req, res) =>
    sendError(res, 400, ErrorCode.JSON_TOO_DEEP, `The request's JSON nests arrays and objects more than ${max} levels deep.`);
  return (req, res, next) => {
    if (req.body !== undefined && nestedDeeperThan(req.body, max)) {
      refuse(req, res, next);
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      for (const name of JSON_PARAMETERS) {
        const text = req.query[name];
        if (typeof text === 'string' && parsedDeeperThan(text, max - 1)) {
          refuse(req, res, next);
          return;
        }
      }
    }
    next();
  };
}

/** Text that is not JSON is left for the reader of the parameter to refuse with its own message. */
function parsedDeeperThan(text: string, max: number): boolean {
  try {
    return nestedDeeperThan(JSON.parse(text), max);
  } catch {
    return false;
  }
}
