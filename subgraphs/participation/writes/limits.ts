import { badUserInput } from '../../../common/errors';

/** Length limits of what people write (characters); documented in docs/participation.md. */
export const LIMITS = {
  body: 4_000,
  note: 2_000,
  field: 120,
  contact: 200,
  hideReason: 500,
  idempotencyKey: 200,
  evidence: 10,
  url: 2_000,
} as const;

/**
 * Free text is kept exactly as sent — HTML, scripts and spreadsheet formulas included, never interpreted nor stripped:
 * pages escape it. Only what cannot be stored as text (a NUL character) or says nothing (blank) is refused.
 */
export function checkText(value: string, limit: number, field: string, required = true): string {
  if (required && value.trim() === '') throw badUserInput(`${field} must not be blank`, field);
  if ([...value].length > limit) throw badUserInput(`${field} must be at most ${limit} characters`, field);
  if (value.includes('\u0000')) throw badUserInput(`${field} must not contain NUL characters`, field);
  return value;
}

/** The field of an item a report is about: a GraphQL path such as `totals.paid` or `lines[3].amount`. */
export function checkField(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  checkText(value, LIMITS.field, 'field');
  if (!/^[A-Za-z_][\w]*(?:\[\d+\])?(?:\.[A-Za-z_][\w]*(?:\[\d+\])?)*$/.test(value)) {
    throw badUserInput('field must be a field path such as `totals.paid`', 'field');
  }
  return value;
}

export function checkUrl(value: string): string {
  checkText(value, LIMITS.url, 'evidence.url');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badUserInput('evidence.url must be an absolute http(s) URL', 'evidence.url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badUserInput('evidence.url must be an http(s) URL', 'evidence.url');
  return value;
}
