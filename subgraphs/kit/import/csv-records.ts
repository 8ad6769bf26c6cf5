/** One CSV record and the 1-based line of the file where it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A record that could not be read; reading went on at the next line. */
export interface BrokenRecord {
  line: number;
  reason: string;
}

export interface SplitCsv {
  records: CsvRecord[];
  broken: BrokenRecord[];
}

/**
 * Splits CSV text (RFC 4180: comma, double-quoted fields with "" escapes, LF or CRLF) into records without
 * needing a header, and without giving up on the whole file at the first bad record: the kit's readCsv rejects a
 * file wholesale, which is right for small curated files but would lose a real publication to one damaged line.
 * A record whose quoting is broken (a quote closed in the middle of a field, or never closed) is reported with the
 * line it starts on, and reading resumes at the following line, so a truncated line that opens a quote does not
 * swallow the records after it. Blank lines are skipped.
 */
export function splitCsv(text: string): SplitCsv {
  const records: CsvRecord[] = [];
  const broken: BrokenRecord[] = [];
  for (const record of csvRecords(text)) {
    if ('reason' in record) broken.push(record);
    else records.push(record);
  }
  return { records, broken };
}

/** The records of splitCsv one at a time, in file order, so that a large file's records need not all be held at once. */
export function* csvRecords(text: string): Generator<CsvRecord | BrokenRecord> {
  let position = 0;
  let line = 1;
  while (position < text.length) {
    if (text[position] === '\n' || text.startsWith('\r\n', position)) {
      position += text[position] === '\n' ? 1 : 2;
      line += 1;
      continue;
    }
    const result = readRecord(text, position);
    if ('reason' in result) {
      yield { line, reason: result.reason };
      const nextLine = text.indexOf('\n', position);
      position = nextLine === -1 ? text.length : nextLine + 1;
      line += 1;
    } else {
      yield { line, fields: result.fields };
      line += result.newlines;
      position = result.end;
    }
  }
}

const COMMA = 44;
const LF = 10;
const CR = 13;

type ReadResult = { fields: string[]; end: number; newlines: number } | { reason: string };

/** Reads one record from `start`; `end` is just past its line break (or the end of the text). */
function readRecord(text: string, start: number): ReadResult {
  const fields: string[] = [];
  let position = start;
  let newlines = 0;
  for (;;) {
    let value = '';
    if (text[position] === '"') {
      position += 1;
      for (;;) {
        const quote = text.indexOf('"', position);
        if (quote === -1) return { reason: 'a quoted field is never closed (the file or line looks truncated)' };
        value += text.slice(position, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          position = quote + 2;
          continue;
        }
        position = quote + 1;
        break;
      }
      newlines += value.split('\n').length - 1;
      const next = text[position];
      if (position < text.length && next !== ',' && next !== '\n' && !text.startsWith('\r\n', position)) {
        return { reason: `a quoted field is followed by "${next}" instead of a comma or a line break (broken quoting)` };
      }
    } else {
      let end = position;
      while (end < text.length) {
        const code = text.charCodeAt(end);
        if (code === COMMA || code === LF || (code === CR && text.charCodeAt(end + 1) === LF)) break;
        end += 1;
      }
      value = text.slice(position, end);
      position = end;
    }
    fields.push(value);
    if (position >= text.length) return { fields, end: position, newlines };
    if (text[position] === ',') {
      position += 1;
      continue;
    }
    const breakLength = text[position] === '\n' ? 1 : 2;
    return { fields, end: position + breakLength, newlines: newlines + 1 };
  }
}
