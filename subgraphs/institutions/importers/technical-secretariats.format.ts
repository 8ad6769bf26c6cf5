import { bySource, allOrNothingFormat } from '../../kit/import/format-helpers';
import { TechnicalSecretariat } from '../entities/technical-secretariat.entity';
import { parseSecretariats, writeSecretariats } from './technical-secretariats.importer';

export const technicalSecretariats = allOrNothingFormat({
  name: 'technical-secretariats',
  subgraph: 'institutions',
  summary: 'Local technical secretariats (INAI ejercicios_locales.csv) → technical secretariats',
  arguments: '<ejercicios_locales.csv>',
  help: [
    "Reads INAI's local exercises file: a state with an installation date (fecha_instalacion_stl) has a tripartite technical secretariat. Dataset id: inai-pal-local.",
    'All or nothing: one rejected row and nothing is written.',
  ],
  example: 'npm run import -- technical-secretariats data/ogp-local/ejercicios_locales.csv',
  read: ([file]) => parseSecretariats(file.absolute, file.displayName),
  tables: (parsed) => [bySource(TechnicalSecretariat, 'technical secretariats', parsed.secretariats)],
  write: writeSecretariats,
});
