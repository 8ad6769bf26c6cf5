import type { Response } from 'express';

/**
 * Answers a refusal made outside GraphQL execution (body too large, rate limit, unknown route…) in the shape
 * of a GraphQL error response, so that a client reads every refusal the same way; the HTTP metrics count
 * it by code.
 */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.locals.errorCode = code;
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
