import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from './problems';

const MAX_FILE_BYTES = 400 * 2 ** 20;

/** Bytes read and decoded at a time by textChunks: large enough that per-chunk work is noise, small beside the heap. */
const CHUNK_BYTES = 4 * 2 ** 20;

export type TextEncoding = 'utf-8' | 'latin1';

/**
 * Reads a text file the way public data really arrives: UTF-8 with or without a byte-order mark, or
 * Latin-1 (Windows exports) when the bytes are not valid UTF-8. For files a format must hold whole (JSON); CSV is read
 * by textChunks, with no limit on its size.
 */
export function readText(file: string, displayName = path.basename(file)): { text: string; encoding: TextEncoding } {
  // V8 cannot hold a string much over 512 MiB: refuse clearly instead of crashing.
  const size = fs.statSync(file).size;
  if (size > MAX_FILE_BYTES) {
    throw new ImportError([
      {
        file: displayName,
        reason: `is ${Math.round(size / 2 ** 20)} MiB; files over ${MAX_FILE_BYTES / 2 ** 20} MiB must be split (for example by year or by ramo)`,
      },
    ]);
  }
  const bytes = fs.readFileSync(file);
  const notText = notTextReason(bytes, bytes);
  if (notText) throw new ImportError([{ file: displayName, reason: notText }]);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
  }
}

/**
 * The text of a file of any size, decoded as readText decodes it, a few MiB at a time, so that only the part being
 * read is in memory. The whole file is checked first (what it is, its encoding): a file that is not text is refused
 * before any of it is handed over, and a Latin-1 byte late in a file decodes the whole file as Latin-1.
 */
export function* textChunks(file: string, displayName = path.basename(file)): Generator<string> {
  const encoding = checkText(file, displayName);
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  for (const bytes of byteChunks(file)) {
    const text = decoder.decode(bytes, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** Reads the file through once: refuses what is not text, and tells UTF-8 from Latin-1. */
function checkText(file: string, displayName: string): TextEncoding {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let encoding: TextEncoding = 'utf-8';
  let first: Buffer | null = null;
  for (const bytes of byteChunks(file)) {
    first ??= Buffer.from(bytes.subarray(0, 4));
    const notText = notTextReason(first, bytes);
    if (notText) throw new ImportError([{ file: displayName, reason: notText }]);
    if (encoding === 'latin1') continue;
    try {
      utf8.decode(bytes, { stream: true });
    } catch {
      encoding = 'latin1';
    }
  }
  if (encoding === 'utf-8') {
    try {
      utf8.decode();
    } catch {
      encoding = 'latin1';
    }
  }
  return encoding;
}

/** The file's bytes in CHUNK_BYTES pieces; each piece is only valid until the next is read. */
function* byteChunks(file: string): Generator<Buffer> {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const descriptor = fs.openSync(file, 'r');
  try {
    for (;;) {
      const read = fs.readSync(descriptor, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * Every byte sequence is valid Latin-1, so a file in another encoding would load as garbage: the mistakes people really
 * make (a spreadsheet saved as is, a UTF-16 export from Excel, a binary file) are recognised and named instead. `start`
 * is the file's first bytes, `bytes` any part of it.
 */
function notTextReason(start: Buffer, bytes: Buffer): string | null {
  if (start.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')))
    return 'is a spreadsheet or ZIP archive, not a text file: export it as CSV (or extract the JSON), in UTF-8';
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff))
    return 'is encoded in UTF-16: save it as UTF-8 (or Latin-1)';
  if (bytes.includes(0)) return 'is not a text file (it contains NUL bytes): save it as UTF-8 or Latin-1 text';
  return null;
}
