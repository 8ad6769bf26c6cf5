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

/** A record as csvRecords yields it when asked for the text: the record's lines exactly as written, breaks excluded. */
export type WithText<R> = R & { text: string };

/**
 * A record longer than this, still open at the end of what was read, is taken as a quote that is never closed: a
 * streamed file is not held whole, so the rest of it cannot be searched for the closing quote.
 */
const LONGEST_RECORD = 64 * 2 ** 20;

/**
 * The records of splitCsv one at a time, in file order, from the text whole or in consecutive pieces of any size
 * (textChunks), so that neither a large file's records nor its text need be held at once. A record cut by the end of a
 * piece is read again once the next piece is there.
 */
export function csvRecords(text: string | Iterable<string>): Generator<CsvRecord | BrokenRecord>;
export function csvRecords(text: string | Iterable<string>, withText: true): Generator<WithText<CsvRecord> | WithText<BrokenRecord>>;
export function* csvRecords(
  text: string | Iterable<string>,
  withText = false,
): Generator<CsvRecord | BrokenRecord | WithText<CsvRecord> | WithText<BrokenRecord>> {
  const pieces = (typeof text === 'string' ? [text] : text)[Symbol.iterator]();
  let buffer = '';
  let position = 0;
  let line = 1;
  let ended = false;
  /** Appends the next piece to what is left unread; false at the end of the input. */
  const more = (): boolean => {
    const next = pieces.next();
    if (next.done) {
      ended = true;
      return false;
    }
    buffer = buffer.slice(position) + next.value;
    position = 0;
    return true;
  };
  for (;;) {
    // A CR last in the piece may be half of a CRLF.
    if (!ended && (position >= buffer.length || (buffer[position] === '\r' && position + 1 === buffer.length))) {
      more();
      continue;
    }
    if (position >= buffer.length) return;
    if (buffer[position] === '\n' || buffer.startsWith('\r\n', position)) {
      position += buffer[position] === '\n' ? 1 : 2;
      line += 1;
      continue;
    }
    const result = readRecord(buffer, position);
    if (!ended && result.atEnd && buffer.length - position <= LONGEST_RECORD) {
      more();
      continue;
    }
    if ('reason' in result) {
      const nextLine = buffer.indexOf('\n', position);
      // Reading resumes after the broken record's line, which may end in a piece not yet read.
      if (nextLine === -1 && !ended && buffer.length - position <= LONGEST_RECORD) {
        more();
        continue;
      }
      const end = nextLine === -1 ? buffer.length : nextLine + 1;
      const broken = { line, reason: result.reason };
      yield withText ? { ...broken, text: recordText(buffer, position, end) } : broken;
      position = end;
      line += 1;
    } else {
      const record = { line, fields: result.fields };
      yield withText ? { ...record, text: recordText(buffer, position, result.end) } : record;
      line += result.newlines;
      position = result.end;
    }
  }
}

/** A record's text as written, its line breaks as LF and the one that ends it left out. */
function recordText(buffer: string, start: number, end: number): string {
  const lines = buffer
    .slice(start, end)
    .split('\n')
    .map((text) => text.replace(/\r$/, ''));
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

const COMMA = 44;
const LF = 10;
const CR = 13;

/** `atEnd`: the record ran to the end of the text, so more text could still change it. */
type ReadResult = ({ fields: string[]; end: number; newlines: number } | { reason: string }) & { atEnd: boolean };

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
        if (quote === -1) return { reason: 'a quoted field is never closed (the file or line looks truncated)', atEnd: true };
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
        return {
          reason: `a quoted field is followed by "${next}" instead of a comma or a line break (broken quoting)`,
          atEnd: next === '\r' && position + 1 === text.length,
        };
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
    if (position >= text.length) return { fields, end: position, newlines, atEnd: true };
    if (text[position] === ',') {
      position += 1;
      continue;
    }
    const breakLength = text[position] === '\n' ? 1 : 2;
    return { fields, end: position + breakLength, newlines: newlines + 1, atEnd: false };
  }
}
