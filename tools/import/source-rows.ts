import { csvField } from '../../common/csv';
import fs from 'node:fs';
import { csvRecords } from '../../subgraphs/kit/import/csv-records';
import { collectProblems } from '../../subgraphs/kit/import/problems';
import { textChunks } from '../../subgraphs/kit/import/text-file';
import type { CsvShape } from '../../subgraphs/kit/import/format';

/** A CSV file as published: its header line, how many data records it has, and the text of the records asked for. */
export interface SourceRows {
  /** The header line as written, or the implied column names for a file without one. */
  header: string | null;
  /** Data records (the header excluded). */
  rows: number;
  /** Whether a data record starts on `line`; known for the lines asked for. */
  startsAt(line: number): boolean;
  /** The exact text of the data record starting on `line` (several lines if quoted), for the lines asked for. */
  text(line: number): string | undefined;
}

/**
 * Reads a CSV's records without judging them (a damaged record is kept as written), so that rows read can be counted
 * and rejected rows copied unchanged into the rejects file. The file is read as a stream, and only the text of the
 * records starting on the `wanted` lines (the rejected ones) is kept. Null when the file cannot be read at all.
 */
export function readSourceRows(file: string, shape: CsvShape, wanted: ReadonlySet<number> = new Set()): SourceRows | null {
  if (!fs.existsSync(file)) return null;
  return collectProblems([], () => {
    const texts = new Map<number, string>();
    let header: string | null = null;
    let atFirst = true;
    let beforeFirstRead = true;
    let rows = 0;
    for (const record of csvRecords(textChunks(file), true)) {
      const first = atFirst;
      atFirst = false;
      // The first record that reads tells whether the file has a header row; only the file's first record can be it.
      if (beforeFirstRead && 'fields' in record) {
        beforeFirstRead = false;
        const implied = shape.impliedHeader(record.fields);
        if (implied !== null) header = implied.map(csvField).join(',');
        else if (first) {
          header = record.text;
          continue;
        }
      }
      rows += 1;
      if (wanted.has(record.line)) texts.set(record.line, record.text);
    }
    return { header, rows, startsAt: (line: number) => texts.has(line), text: (line: number) => texts.get(line) };
  });
}
