import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER } from '../../kit/import/format-helpers';
import { oneFile } from '../../kit/import/inputs';
import { GrossDomesticProduct } from '../entities/gross-domestic-product.entity';
import { WHOLE_SERIES } from './shared/economic-series';
import { parseGdp, writeGdp } from './gdp.importer';

export const gdp: FormatSpec = {
  name: 'gdp',
  subgraph: 'budgets',
  summary: "Mexico's nominal GDP by year (PIB.csv: Año, PIB_nominal in millions of pesos) → GDP",
  arguments: '<PIB.csv>',
  help: [
    'Reads nominal GDP at current prices, in millions of pesos, as compiled by lapanquecita/cuenta-publica; served in pesos. Dataset id: inegi-pib.',
    WHOLE_SERIES,
  ],
  example: 'npm run import -- gdp data/economy/PIB.csv',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => oneFile(paths, cwd),
  async parse([file]) {
    const parsed = parseGdp(file.absolute, file.displayName);
    return allOrNothing(parsed.problems, [bySource(GrossDomesticProduct, 'years', parsed.years)], (manager) => writeGdp(manager, parsed));
  },
};
