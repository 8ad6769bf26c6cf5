import { GrossDomesticProduct } from '../../../subgraphs/budgets/entities/gross-domestic-product.entity';
import { PriceIndex } from '../../../subgraphs/budgets/entities/price-index.entity';
import { parseGdp, parsePriceIndex, writeGdp, writePriceIndex } from '../../../subgraphs/budgets/importers/economic-series.importer';
import { oneFile } from '../../../subgraphs/kit/import/inputs';
import type { FormatSpec } from '../../../subgraphs/kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER } from '../../../subgraphs/kit/import/format-helpers';

const WHOLE_SERIES = 'All or nothing: a series with one bad row is not loaded. Values keep every published decimal (at most six).';

export const consumerPrices: FormatSpec = {
  name: 'consumer-prices',
  subgraph: 'budgets',
  summary: "INEGI's national consumer price index, monthly (IPC.csv: Fecha, IPC) → price index",
  arguments: '<IPC.csv>',
  help: [
    'Reads the monthly INPC as compiled by lapanquecita/cuenta-publica: `Fecha` is the first day of the month (YYYY-MM-01), `IPC` the index (base: second half of July 2018 = 100). Dataset id: inegi-inpc.',
    WHOLE_SERIES,
  ],
  example: 'npm run import -- consumer-prices data/economy/IPC.csv',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => oneFile(paths, cwd),
  async parse([file]) {
    const parsed = parsePriceIndex(file.absolute, file.displayName);
    return allOrNothing(parsed.problems, [bySource(PriceIndex, 'months', parsed.months)], (manager) => writePriceIndex(manager, parsed));
  },
};

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
