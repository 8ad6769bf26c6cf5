import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER } from '../../kit/import/format-helpers';
import { namedSet, sameNames } from '../../kit/import/inputs';
import { StateIndicator } from '../entities/state-indicator.entity';
import { INDICATORS_DATA_FILE, INDICATORS_DICTIONARY_FILE, parseStateIndicators, writeStateIndicators } from './state-indicators.importer';

export const stateIndicators: FormatSpec = {
  name: 'state-indicators',
  subgraph: 'institutions',
  summary: 'State context indicators (INAI/CIDE file and its dictionary, 61 indicators) → state indicators',
  arguments: '<folder | the two files>',
  help: [
    `Reads ${INDICATORS_DATA_FILE} (Latin-1 or UTF-8: one row per state plus "Nacional") with ${INDICATORS_DICTIONARY_FILE} (ID, Nombre, Fuente, Año: what each column measures, who published it, for which year), found by name among the folders or files given.`,
    'Every column of the data must be defined in the dictionary, and every definition must have its column. "n.a." loads as no value. Dataset id: metrica-gobierno-abierto-2017.',
    'All or nothing: one rejected row and nothing is written.',
  ],
  example: 'npm run import -- state-indicators data/metrica-gobierno-abierto',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => namedSet(paths, cwd, sameNames(INDICATORS_DATA_FILE, INDICATORS_DICTIONARY_FILE)),
  async parse(files) {
    const [data, dictionary] = files;
    const parsed = parseStateIndicators(
      { data: data.absolute, dictionary: dictionary.absolute },
      { data: data.displayName, dictionary: dictionary.displayName },
    );
    return allOrNothing(parsed.problems, [bySource(StateIndicator, 'indicators', parsed.indicators)], (manager) =>
      writeStateIndicators(manager, parsed),
    );
  },
};
