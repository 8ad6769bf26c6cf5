import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER } from '../../kit/import/format-helpers';
import { oneFile } from '../../kit/import/inputs';
import { OpenGovernmentScore } from '../entities/open-government-score.entity';
import { parseMetric, writeMetric } from './metric.importer';

export const metric: FormatSpec = {
  name: 'metric',
  subgraph: 'institutions',
  summary: 'Métrica de Gobierno Abierto 2017 (INAI/CIDE state indicators CSV) → open-government scores',
  arguments: '<indicadores_estatales_datos.csv>',
  help: [
    'Reads the state indicators file (Latin-1 or UTF-8): columns A, B and C are the 2017 index and its transparency and participation sub-indices, one row per state plus "Nacional". Dataset id: metrica-gobierno-abierto-2017.',
    'All or nothing: one rejected row and nothing is written.',
  ],
  example: 'npm run import -- metric data/metrica-gobierno-abierto/indicadores_estatales_datos.csv',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => oneFile(paths, cwd),
  async parse([file]) {
    const parsed = parseMetric(file.absolute, file.displayName);
    return allOrNothing(parsed.problems, [bySource(OpenGovernmentScore, 'scores', parsed.scores)], (manager) =>
      writeMetric(manager, parsed),
    );
  },
};
