import { bySource, allOrNothingFormat } from '../../kit/import/format-helpers';
import { GrossDomesticProduct } from '../entities/gross-domestic-product.entity';
import { WHOLE_SERIES } from './shared/economic-series';
import { parseGdp, writeGdp } from './gdp.importer';

export const gdp = allOrNothingFormat({
  name: 'gdp',
  subgraph: 'budgets',
  summary: "Mexico's nominal GDP by year (PIB.csv: Año, PIB_nominal in millions of pesos) → GDP",
  arguments: '<PIB.csv>',
  help: [
    'Reads nominal GDP at current prices, in millions of pesos, as compiled by lapanquecita/cuenta-publica; served in pesos. Dataset id: inegi-pib.',
    WHOLE_SERIES,
  ],
  example: 'npm run import -- gdp data/economy/PIB.csv',
  read: ([file]) => parseGdp(file.absolute, file.displayName),
  tables: (parsed) => [bySource(GrossDomesticProduct, 'years', parsed.years)],
  write: writeGdp,
});
