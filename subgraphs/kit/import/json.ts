import fs from 'node:fs';
import { isSafeNumber, LosslessNumber, parse } from 'lossless-json';
import { collectProblems, type ImportProblem } from './problems';
import { isIsoDate } from './row-reader';
import { readText } from './text-file';
import { readMoney, type Money } from '../money';

/** Small readers over parsed JSON of unknown shape: what is not there reads as null or empty, never throws. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof LosslessNumber);
}

export function asObject(value: unknown): JsonObject | null {
  return isObject(value) ? value : null;
}

/** Reads a JSON file (UTF-8 or Latin-1), turning a missing or malformed one into a problem naming the file. */
export function readJson(file: string, displayName: string, problems: ImportProblem[]): unknown {
  if (!fs.existsSync(file)) {
    problems.push({ file: displayName, reason: 'the file does not exist' });
    return undefined;
  }
  const text = collectProblems(problems, () => readText(file, displayName).text);
  if (text === null) return undefined;
  try {
    return parseJson(text);
  } catch (error) {
    problems.push({ file: displayName, path: '$', reason: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/**
 * JSON.parse, except that a number a double cannot hold digit for digit (`99999999999999999999.99`, an id of 20
 * digits) stays a LosslessNumber with its exact text instead of being silently rounded; every other number is a
 * plain number, so readers see the same values JSON.parse gives.
 */
export function parseJson(text: string): unknown {
  return parse(text, null, (digits) => (isSafeNumber(digits) ? Number(digits) : new LosslessNumber(digits)));
}

/** The decimal text of a JSON number: the shortest form of a plain number, the published digits of a lossless one. */
export function numberText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value instanceof LosslessNumber) return value.value;
  return null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Text or a number written as text (OCDS publishers use both for ids). */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  return numberText(value);
}

/** The first property present among spellings publishers use for the same field (`measures` / `Measures`). */
export function either(object: JsonObject, ...names: string[]): unknown {
  for (const name of names) if (object[name] !== undefined) return object[name];
  return undefined;
}

/** A problem collector bound to one file: every rejection names the file and the JSON path. */
export class JsonReader {
  constructor(
    readonly file: string,
    readonly problems: ImportProblem[],
  ) {}

  problem(path: string, field: string, value: unknown, reason: string): void {
    this.problems.push({ file: this.file, path, field, value: value === undefined ? undefined : String(value), reason });
  }

  /**
   * An OCDS amount (a JSON number such as 1109.9) read exactly from its decimal text: up to four decimals, within the
   * range of money columns; anything finer or larger is rejected rather than rounded.
   */
  amount(value: unknown, path: string): Money | null {
    if (value === undefined || value === null) return null;
    const text = numberText(value);
    const parsed = text === null ? 'is not an amount (a JSON number)' : readMoney(text);
    if (typeof parsed === 'string') {
      this.problem(path, 'amount', value, parsed);
      return null;
    }
    return parsed;
  }

  /** The date part of an OCDS date-time ("2017-08-24T00:00:00Z" → "2017-08-24"). */
  date(value: unknown, path: string): string | null {
    if (value === undefined || value === null) return null;
    const day = typeof value === 'string' ? value.slice(0, 10) : '';
    if (!isIsoDate(day)) {
      this.problem(path, 'date', value, 'is not an ISO 8601 date');
      return null;
    }
    return day;
  }
}
