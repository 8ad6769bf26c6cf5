import { csvRecords } from '../../subgraphs/kit/import/csv-records';
import { csvField } from './source-rows';

/** Signs with which a spreadsheet starts a formula (or, for tab and CR, hides one after leading blanks). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which a spreadsheet reads as a number even with a sign: "-12.50", "+3", "-1,234.5", "1e5". */
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) made inert by a leading
 * apostrophe, the mark spreadsheets read as "text follows" (the OWASP advice on CSV injection). Numbers stay as
 * they are: "-12.50" is a negative amount, not a formula.
 */
export function formulaSafe(cell: string): string {
  if (!FORMULA_START.test(cell)) return cell;
  if (/\d/.test(cell) && NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/**
 * A CSV record as written, unchanged when none of its cells would run as a formula; otherwise its cells rewritten
 * with the dangerous ones neutralised. A record whose quoting is broken cannot be split as the publisher meant, so it
 * is split at every comma, as a spreadsheet opening it would.
 */
export function formulaSafeRecord(text: string): string {
  const [record] = csvRecords(text);
  const cells = record && 'fields' in record ? record.fields : text.split(',');
  if (cells.every((cell) => formulaSafe(cell) === cell)) return text;
  return cells.map((cell) => csvField(formulaSafe(cell))).join(',');
}
