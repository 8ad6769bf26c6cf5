import type { Method, Subject } from './measure';
import type { Engine } from './throwaway-database';
import type { MeasurementResult } from './worker';

export interface BenchRow {
  engine: Engine;
  subject: Subject;
  results: Record<Method, MeasurementResult>;
}

const LABELS: Record<Subject, string> = { budget: 'SHCP budget lines', ocds: 'OCDS payments' };

export function rowsPerSecond(result: Pick<MeasurementResult, 'rows' | 'seconds'>): number {
  return result.seconds > 0 ? result.rows / result.seconds : Number.POSITIVE_INFINITY;
}

/** The real import's speed as a share of the bare INSERT ceiling (1 = as fast as the database can take the rows). */
export function importRatio(row: BenchRow): number {
  return rowsPerSecond(row.results.import) / rowsPerSecond(row.results.insert);
}

const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '∞');

/** A plain-text table: one line per engine and input. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['engine', 'input', 'rows', '(a) import rows/s', 'parse s', 'write s', 'upsertAll rows/s', '(b) INSERT rows/s', '(c) a/b', 'peak RSS import'];
  const body = rows.map((row) => {
    const { import: imported, upsert, insert } = row.results;
    const parse = imported.parseSeconds ?? 0;
    return [
      row.engine,
      LABELS[row.subject],
      imported.rows.toLocaleString('en'),
      whole(rowsPerSecond(imported)),
      parse.toFixed(2),
      (imported.seconds - parse).toFixed(2),
      whole(rowsPerSecond(upsert)),
      whole(rowsPerSecond(insert)),
      importRatio(row).toFixed(2),
      `${Math.round(imported.peakRssMb)} MB`,
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
