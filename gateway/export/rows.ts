import type { Column } from './connection-operation';

/**
 * A node's value at a column: the leaf itself, or, where a list stands on the way, the list of the leaves below it
 * (flattened), so that one node stays one row. Missing values read as null.
 */
export function valueAt(node: unknown, path: readonly string[]): unknown {
  let value: unknown = node;
  for (const [i, key] of path.entries()) {
    if (Array.isArray(value)) return value.flatMap((item) => valueAt(item, path.slice(i)));
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[key] ?? null;
  }
  return value;
}

/** A value as CSV cell text: Money is already exact decimal text; a list joins its items with "; "; null is empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One node as a CSV row's cells, in column order. */
export function csvCells(node: unknown, columns: readonly Column[]): string[] {
  return columns.map((column) => cellText(valueAt(node, column.path)));
}

/** One node as an NDJSON row: the same dotted columns as the CSV, with JSON's own types. */
export function jsonRow(node: unknown, columns: readonly Column[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((column) => [column.name, valueAt(node, column.path)]));
}
