import fs from 'node:fs';
import { collectProblems, type ImportProblem } from './problems';
import { isIsoDate } from './row-reader';
import { readText } from './text-file';
import { parseCentavos, type Centavos } from '../money';

/** Small readers over parsed JSON of unknown shape: what is not there reads as null or empty, never throws. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
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
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push({ file: displayName, path: '$', reason: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Text or a number written as text (OCDS publishers use both for ids). */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
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
   * An OCDS amount (a JSON number such as 1109.9) as exact centavos: the number's shortest decimal form is parsed,
   * so 1109.9 is 110990 centavos; more than two decimals is rejected rather than rounded.
   */
  amount(value: unknown, path: string): Centavos | null {
    if (value === undefined || value === null) return null;
    const parsed = typeof value === 'number' && Number.isFinite(value) ? parseCentavos(String(value)) : null;
    if (parsed === null) this.problem(path, 'amount', value, 'is not an amount (a JSON number with at most two decimals)');
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
