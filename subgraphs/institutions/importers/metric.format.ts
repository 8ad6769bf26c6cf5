import { bySource, allOrNothingFormat } from '../../kit/import/format-helpers';
import { OpenGovernmentScore } from '../entities/open-government-score.entity';
import { parseMetric, writeMetric } from './metric.importer';

export const metric = allOrNothingFormat({
  name: 'metric',
  subgraph: 'institutions',
  summary: 'Métrica de Gobierno Abierto 2017 (INAI/CIDE state indicators CSV) → open-government scores',
  arguments: '<indicadores_estatales_datos.csv>',
  help: [
    'Reads the state indicators file (Latin-1 or UTF-8): columns A, B and C are the 2017 index and its transparency and participation sub-indices, one row per state plus "Nacional". Dataset id: metrica-gobierno-abierto-2017.',
    'All or nothing: one rejected row and nothing is written.',
  ],
  example: 'npm run import -- metric data/metrica-gobierno-abierto/indicadores_estatales_datos.csv',
  read: ([file]) => parseMetric(file.absolute, file.displayName),
  tables: (parsed) => [bySource(OpenGovernmentScore, 'scores', parsed.scores)],
  write: writeMetric,
});
