import fs from 'node:fs';
import path from 'node:path';

const FLUSH_AT = 1 << 20;

/**
 * Appends text to a file through a small buffer, synchronously: memory stays bounded by the buffer however many
 * rows are written, and the bytes on disk depend only on what was written, never on stream timing.
 */
export class FileWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length > 0) fs.writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}

/** One CSV record (RFC 4180): a field is quoted only when it holds a comma, a quote or a line break, as the sources do. */
export function csvRecord(fields: readonly string[], lineBreak: '\n' | '\r\n'): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',') + lineBreak;
}

/** CSV files of at most `perFile` records each, every one starting with the header; files are named by `nameOf(1, 2…)`. */
export class SplitCsvWriter {
  readonly files: string[] = [];
  private current: FileWriter | null = null;
  private inFile = 0;

  constructor(
    private readonly directory: string,
    private readonly header: readonly string[],
    private readonly perFile: number,
    private readonly nameOf: (part: number) => string,
    private readonly lineBreak: '\n' | '\r\n',
  ) {}

  write(fields: readonly string[]): void {
    if (this.current === null || this.inFile === this.perFile) {
      this.current?.close();
      this.files.push(this.nameOf(this.files.length + 1));
      this.current = new FileWriter(path.join(this.directory, this.files[this.files.length - 1]));
      this.current.write(csvRecord(this.header, this.lineBreak));
      this.inFile = 0;
    }
    this.current.write(csvRecord(fields, this.lineBreak));
    this.inFile += 1;
  }

  close(): void {
    this.current?.close();
  }
}
