import fs from 'node:fs';
import path from 'node:path';
import { ImportError } from './problems';

const MAX_FILE_BYTES = 400 * 2 ** 20;

/**
 * Reads a text file the way public data really arrives: UTF-8 with or without a byte-order mark, or
 * Latin-1 (Windows exports) when the bytes are not valid UTF-8.
 */
export function readText(file: string, displayName = path.basename(file)): { text: string; encoding: 'utf-8' | 'latin1' } {
  // Files are read whole, and V8 cannot hold a string much over 512 MiB: refuse clearly instead of crashing.
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
  const notText = notTextReason(bytes);
  if (notText) throw new ImportError([{ file: displayName, reason: notText }]);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
  }
}

/**
 * Every byte sequence is valid Latin-1, so a file in another encoding would load as garbage: the mistakes people really
 * make (a spreadsheet saved as is, a UTF-16 export from Excel, a binary file) are recognised and named instead.
 */
function notTextReason(bytes: Buffer): string | null {
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')))
    return 'is a spreadsheet or ZIP archive, not a text file: export it as CSV (or extract the JSON), in UTF-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return 'is encoded in UTF-16: save it as UTF-8 (or Latin-1)';
  if (bytes.includes(0)) return 'is not a text file (it contains NUL bytes): save it as UTF-8 or Latin-1 text';
  return null;
}
