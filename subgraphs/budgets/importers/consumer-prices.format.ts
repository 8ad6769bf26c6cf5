import { bySource, allOrNothingFormat } from '../../kit/import/format-helpers';
import { PriceIndex } from '../entities/price-index.entity';
import { WHOLE_SERIES } from './shared/economic-series';
import { parsePriceIndex, writePriceIndex } from './consumer-prices.importer';

export const consumerPrices = allOrNothingFormat({
  name: 'consumer-prices',
  subgraph: 'budgets',
  summary: "INEGI's national consumer price index, monthly (IPC.csv: Fecha, IPC) → price index",
  arguments: '<IPC.csv>',
  help: [
    'Reads the monthly INPC as compiled by lapanquecita/cuenta-publica: `Fecha` is the first day of the month (YYYY-MM-01), `IPC` the index (base: second half of July 2018 = 100). Dataset id: inegi-inpc.',
    WHOLE_SERIES,
  ],
  example: 'npm run import -- consumer-prices data/economy/IPC.csv',
  read: ([file]) => parsePriceIndex(file.absolute, file.displayName),
  tables: (parsed) => [bySource(PriceIndex, 'months', parsed.months)],
  write: writePriceIndex,
});
