import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { type ImportProblem } from '../../kit/import/problems';
import { upsertAll } from '../../kit/import/bulk-write';
import { outOfRange, PESO } from '../../kit/money';
import { sourceAt } from '../../kit/provenance';
import { GrossDomesticProduct } from '../entities/gross-domestic-product.entity';
import { readSeries } from './shared/economic-series';

export const GDP_DATASET = 'inegi-pib';

export interface ParsedGdp {
  years: GrossDomesticProduct[];
  problems: ImportProblem[];
}

/** PIB.csv: `Año` and `PIB_nominal` in millions of pesos at current prices. */
export function parseGdp(file: string, displayName = path.basename(file)): ParsedGdp {
  const problems: ImportProblem[] = [];
  const year = (text: string) => (/^(19|20)\d{2}$/.test(text) ? text : null);
  const rows = readSeries(file, displayName, { period: 'año', value: 'pib_nominal' }, year, 'is not a year (YYYY)', problems);
  const years = rows.flatMap(({ row, period, value }) => {
    // Millionths of a million pesos are pesos.
    const nominal = value * PESO;
    const range = outOfRange(nominal);
    if (range) {
      problems.push({ file: displayName, row: row.line, field: 'pib_nominal', value: row.values.pib_nominal, reason: range });
      return [];
    }
    const gdp = new GrossDomesticProduct();
    gdp.year = Number(period);
    gdp.nominal = nominal;
    gdp.source = sourceAt(GDP_DATASET, displayName, { row: row.line });
    return [gdp];
  });
  return { years, problems };
}

export async function writeGdp(manager: EntityManager, parsed: ParsedGdp): Promise<void> {
  await upsertAll(manager, GrossDomesticProduct, parsed.years, ['year']);
}
