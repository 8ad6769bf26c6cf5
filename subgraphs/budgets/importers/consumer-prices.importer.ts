import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { type ImportProblem } from '../../kit/import/problems';
import { isIsoDate } from '../../kit/import/row-reader';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { PriceIndex } from '../entities/price-index.entity';
import { readSeries } from './shared/economic-series';

export const PRICE_INDEX_DATASET = 'inegi-inpc';

export interface ParsedPriceIndex {
  months: PriceIndex[];
  problems: ImportProblem[];
}

/** IPC.csv: `Fecha` (the first day of each month) and `IPC`, the INPC value. */
export function parsePriceIndex(file: string, displayName = path.basename(file)): ParsedPriceIndex {
  const problems: ImportProblem[] = [];
  const month = (text: string) => (isIsoDate(text) && text.endsWith('-01') ? text.slice(0, 7) : null);
  const rows = readSeries(
    file,
    displayName,
    { period: 'fecha', value: 'ipc' },
    month,
    'is not the first day of a month (YYYY-MM-01)',
    problems,
  );
  const months = rows.map(({ row, period, value }) => {
    const index = new PriceIndex();
    index.month = period;
    index.millionths = value;
    index.source = sourceAt(PRICE_INDEX_DATASET, displayName, { row: row.line });
    return index;
  });
  return { months, problems };
}

export async function writePriceIndex(manager: EntityManager, parsed: ParsedPriceIndex): Promise<void> {
  await upsertAll(manager, PriceIndex, parsed.months, ['month']);
}
