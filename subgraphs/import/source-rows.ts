import fs from 'node:fs';
import { splitCsv } from '../budgets/importers/csv-records';
import { readText } from '../shared/importing';
import type { CsvShape } from './types';

/** A CSV file as published: its header line and every data record's text, by the line the record starts on. */
export interface SourceRows {
  /** The header line as written, or the implied column names for a file without one. */
  header: string | null;
  /** Data records (the header excluded), keyed by start line, each as its exact text (several lines if quoted). */
  records: Map<number, string>;
}

/**
 * Reads a CSV's records without judging them (a damaged record is kept as written), so that rows read can be counted
 * and rejected rows copied unchanged into the rejects file. Null when the file cannot be read at all.
 */
export function readSourceRows(file: string, shape: CsvShape): SourceRows | null {
  if (!fs.existsSync(file)) return null;
  const { text } = readText(file);
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const { records, broken } = splitCsv(text);
  const starts = [...records.map((record) => record.line), ...broken.map((record) => record.line)].sort((a, b) => a - b);
  const rawAt = (index: number) => {
    const end = (starts[index + 1] ?? lines.length + 1) - 1;
    const span = lines.slice(starts[index] - 1, end);
    while (span.length > 1 && span[span.length - 1] === '') span.pop();
    return span.join('\n');
  };
  const first = records[0];
  const implied = first ? shape.impliedHeader(first.fields) : null;
  const headerLine = implied === null && first && first.line === starts[0] ? first.line : null;
  const rows = new Map<number, string>();
  starts.forEach((line, index) => {
    if (line !== headerLine) rows.set(line, rawAt(index));
  });
  return {
    header: implied !== null ? implied.map(csvField).join(',') : headerLine !== null ? rawAt(0) : null,
    records: rows,
  };
}

/** A CSV field, quoted when it has to be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
