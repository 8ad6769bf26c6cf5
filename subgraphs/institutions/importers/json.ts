import fs from 'node:fs';
import { readText, type ImportProblem } from '../../shared/importing';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a JSON file, turning an unreadable or malformed one into a problem naming the file. */
export function readJson(file: string, displayName: string, problems: ImportProblem[]): JsonValue | undefined {
  if (!fs.existsSync(file)) {
    problems.push({ file: displayName, reason: 'the file does not exist' });
    return undefined;
  }
  try {
    return JSON.parse(readText(file).text) as JsonValue;
  } catch (error) {
    problems.push({ file: displayName, reason: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}
