import { csvField } from '../../common/csv';
import fs from 'node:fs';
import { csvRecords, type CsvRecord } from '../../subgraphs/kit/import/csv-records';
import { collectProblems } from '../../subgraphs/kit/import/problems';
import { readText } from '../../subgraphs/kit/import/text-file';
import type { CsvShape } from '../../subgraphs/kit/import/format';

/** A CSV file as published: its header line, where every data record starts, and any record's text on demand. */
export interface SourceRows {
  /** The header line as written, or the implied column names for a file without one. */
  header: string | null;
  /** The line each data record (the header excluded) starts on. */
  starts: ReadonlySet<number>;
  /** The exact text of the data record starting on `line` (several lines if quoted), or undefined if none starts there. */
  text(line: number): string | undefined;
}

/**
 * Reads a CSV's records without judging them (a damaged record is kept as written), so that rows read can be counted
 * and rejected rows copied unchanged into the rejects file. Only the file's text and where its lines and records start
 * are kept, not a copy of every record: the text of the few rejected ones is cut out when asked for. Null when the
 * file cannot be read at all.
 */
export function readSourceRows(file: string, shape: CsvShape): SourceRows | null {
  if (!fs.existsSync(file)) return null;
  const text = collectProblems([], () => readText(file).text);
  if (text === null) return null;
  const lineOffsets = offsetsOfLines(text);
  const lines: number[] = [];
  let first: CsvRecord | null = null;
  for (const record of csvRecords(text)) {
    lines.push(record.line);
    if (first === null && 'fields' in record) first = record;
  }
  const starts = Int32Array.from(lines);
  const rawAt = (index: number) => {
    const end = index + 1 < starts.length ? starts[index + 1] - 1 : lineOffsets.length;
    const span = text
      .slice(lineOffsets[starts[index] - 1], end < lineOffsets.length ? lineOffsets[end] : text.length)
      .split('\n')
      .map((line) => line.replace(/\r$/, ''));
    while (span.length > 1 && span[span.length - 1] === '') span.pop();
    return span.join('\n');
  };
  const implied = first ? shape.impliedHeader(first.fields) : null;
  const headerLine = implied === null && first && first.line === starts[0] ? first.line : null;
  const indexOf = new Map<number, number>();
  starts.forEach((line, index) => {
    if (line !== headerLine) indexOf.set(line, index);
  });
  const header = implied !== null ? implied.map(csvField).join(',') : headerLine !== null ? rawAt(0) : null;
  return {
    header,
    starts: new Set(indexOf.keys()),
    text: (line) => {
      const index = indexOf.get(line);
      return index === undefined ? undefined : rawAt(index);
    },
  };
}

/** Where each line of the text starts (line 1 at offset 0). */
function offsetsOfLines(text: string): number[] {
  const offsets = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) offsets.push(at + 1);
  return offsets;
}
