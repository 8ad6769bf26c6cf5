import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER } from '../../kit/import/format-helpers';
import { oneFile } from '../../kit/import/inputs';
import { TechnicalSecretariat } from '../entities/technical-secretariat.entity';
import { parseSecretariats, writeSecretariats } from './technical-secretariats.importer';

export const technicalSecretariats: FormatSpec = {
  name: 'technical-secretariats',
  subgraph: 'institutions',
  summary: 'Local technical secretariats (INAI ejercicios_locales.csv) → technical secretariats',
  arguments: '<ejercicios_locales.csv>',
  help: [
    "Reads INAI's local exercises file: a state with an installation date (fecha_instalacion_stl) has a tripartite technical secretariat. Dataset id: inai-pal-local.",
    'All or nothing: one rejected row and nothing is written.',
  ],
  example: 'npm run import -- technical-secretariats data/ogp-local/ejercicios_locales.csv',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => oneFile(paths, cwd),
  async parse([file]) {
    const parsed = parseSecretariats(file.absolute, file.displayName);
    return allOrNothing(parsed.problems, [bySource(TechnicalSecretariat, 'technical secretariats', parsed.secretariats)], (manager) =>
      writeSecretariats(manager, parsed),
    );
  },
};
