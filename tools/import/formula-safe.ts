import { csvRecords } from '../../subgraphs/kit/import/csv-records';
import { csvField, formulaSafe } from '../../common/csv';

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
