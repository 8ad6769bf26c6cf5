import type { CsvRow } from '../../../kit/import/csv-file';
import type { ImportProblem } from '../../../kit/import/problems';
import type { RowReader } from '../../../kit/import/row-reader';
import { stateByName, type StateCode } from '../../../kit/states';

/** A required ISO date: "is required" when empty, "is not a date" when malformed — one problem either way. */
export function requiredDate(reader: RowReader, field: string): string {
  return reader.optionalText(field) === null ? reader.text(field) : (reader.optionalDate(field) ?? '');
}

export function stateOf(file: string, row: CsvRow, field: string, problems: ImportProblem[]): StateCode | null {
  const value = row.values[field] ?? '';
  const state = value === '' ? undefined : stateByName(value);
  if (!state) problems.push({ file, row: row.line, field, value, reason: 'is not the name of a Mexican state' });
  return state ?? null;
}

/** A value of a GraphQL enum, or null when the cell is empty; anything else is a problem listing the allowed values. */
export function optionalEnum<T extends string>(
  file: string,
  row: CsvRow,
  field: string,
  allowed: Record<string, T>,
  problems: ImportProblem[],
): T | null {
  const value = row.values[field] ?? '';
  if (value === '') return null;
  return enumValue(file, row, field, value, allowed, problems);
}

export function enumValue<T extends string>(
  file: string,
  row: CsvRow,
  field: string,
  value: string,
  allowed: Record<string, T>,
  problems: ImportProblem[],
): T | null {
  const values = Object.values(allowed);
  if ((values as string[]).includes(value)) return value as T;
  problems.push({ file, row: row.line, field, value, reason: `is not one of ${values.join(', ')}` });
  return null;
}
