import { readMoney, type Money } from '../money';
import type { CsvRow } from './csv-file';
import type { ImportProblem } from './problems';

/**
 * Typed access to one CSV record that collects problems instead of throwing, so an import reports every
 * bad row and field at once.
 */
export class RowReader {
  constructor(
    private readonly file: string,
    private readonly row: CsvRow,
    private readonly problems: ImportProblem[],
  ) {}

  private problem(field: string, reason: string): void {
    this.problems.push({ file: this.file, row: this.row.line, field, value: this.row.values[field], reason });
  }

  optionalText(field: string): string | null {
    const value = this.row.values[field];
    return value === undefined || value === '' ? null : value;
  }

  text(field: string): string {
    const value = this.optionalText(field);
    if (value === null) this.problem(field, 'is required');
    return value ?? '';
  }

  /** An exact amount: up to four decimals, within the 64-bit range of money columns; anything else is a problem. */
  optionalMoney(field: string): Money | null {
    const value = this.optionalText(field);
    if (value === null) return null;
    const parsed = readMoney(value);
    if (typeof parsed === 'string') {
      this.problem(field, parsed);
      return null;
    }
    return parsed;
  }

  integer(field: string): number {
    const value = this.text(field);
    if (value !== '' && !/^-?\d+$/.test(value)) this.problem(field, 'is not a whole number');
    return Number(value);
  }

  optionalDate(field: string): string | null {
    const value = this.optionalText(field);
    if (value !== null && !isIsoDate(value)) this.problem(field, 'is not a date (YYYY-MM-DD)');
    return value;
  }
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
