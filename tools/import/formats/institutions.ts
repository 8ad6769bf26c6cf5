import { GuarantorYear } from '../../../subgraphs/institutions/entities/guarantor-year.entity';
import { Institution } from '../../../subgraphs/institutions/entities/institution.entity';
import { OpenGovernmentScore } from '../../../subgraphs/institutions/entities/open-government-score.entity';
import { StateIndicator } from '../../../subgraphs/institutions/entities/state-indicator.entity';
import { TechnicalSecretariat } from '../../../subgraphs/institutions/entities/technical-secretariat.entity';
import { parseGuarantorBodies, writeGuarantorBodies } from '../../../subgraphs/institutions/importers/guarantor-bodies.importer';
import { parseMetric, writeMetric } from '../../../subgraphs/institutions/importers/metric.importer';
import { parsePef, writePef } from '../../../subgraphs/institutions/importers/pef.importer';
import {
  INDICATORS_DATA_FILE,
  INDICATORS_DICTIONARY_FILE,
  parseStateIndicators,
  writeStateIndicators,
} from '../../../subgraphs/institutions/importers/state-indicators.importer';
import { parseSecretariats, writeSecretariats } from '../../../subgraphs/institutions/importers/technical-secretariats.importer';
import { readJson } from '../../../subgraphs/kit/import/json';
import { firstValue, unknownDatasetWarnings } from '../datasets';
import { manyFiles, namedSet, oneFile, sameNames } from '../../../subgraphs/kit/import/inputs';
import type { FormatSpec } from '../../../subgraphs/kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER, derived } from '../../../subgraphs/kit/import/format-helpers';
import { pefDataset } from './budgets';

const ALL_OR_NOTHING = 'All or nothing: one rejected row and nothing is written.';

export const metric: FormatSpec = {
  name: 'metric',
  subgraph: 'institutions',
  summary: 'Métrica de Gobierno Abierto 2017 (INAI/CIDE state indicators CSV) → open-government scores',
  arguments: '<indicadores_estatales_datos.csv>',
  help: [
    'Reads the state indicators file (Latin-1 or UTF-8): columns A, B and C are the 2017 index and its transparency and participation sub-indices, one row per state plus "Nacional". Dataset id: metrica-gobierno-abierto-2017.',
    ALL_OR_NOTHING,
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

export const stateIndicators: FormatSpec = {
  name: 'state-indicators',
  subgraph: 'institutions',
  summary: 'State context indicators (INAI/CIDE file and its dictionary, 61 indicators) → state indicators',
  arguments: '<folder | the two files>',
  help: [
    `Reads ${INDICATORS_DATA_FILE} (Latin-1 or UTF-8: one row per state plus "Nacional") with ${INDICATORS_DICTIONARY_FILE} (ID, Nombre, Fuente, Año: what each column measures, who published it, for which year), found by name among the folders or files given.`,
    'Every column of the data must be defined in the dictionary, and every definition must have its column. "n.a." loads as no value. Dataset id: metrica-gobierno-abierto-2017.',
    ALL_OR_NOTHING,
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

export const guarantorBodies: FormatSpec = {
  name: 'guarantor-bodies',
  subgraph: 'institutions',
  summary: 'The state transparency bodies (órganos garantes, INAI/mapadai JSON) → institutions and yearly figures',
  arguments: '<inai-data.json>',
  help: [
    'Reads the array of the 32 state transparency bodies: name, acronym, web site, and per year budget, information requests and appeals ("sd" is no data). Dataset id: inai-organos-garantes. Problems name the JSON path.',
    ALL_OR_NOTHING.replace('row', 'item'),
  ],
  example: 'npm run import -- guarantor-bodies data/organos-garantes/inai-data.json',
  shape: {
    kind: 'json',
    countItems: (file) => {
      const items = readJson(file, file, []);
      return Array.isArray(items) ? items.length : null;
    },
  },
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => oneFile(paths, cwd),
  async parse([file]) {
    const parsed = parseGuarantorBodies(file.absolute, file.displayName);
    return allOrNothing(
      parsed.problems,
      [bySource(Institution, 'transparency bodies', parsed.bodies), derived(GuarantorYear, 'yearly figures', parsed.years)],
      (manager) => writeGuarantorBodies(manager, parsed),
    );
  },
};

export const technicalSecretariats: FormatSpec = {
  name: 'technical-secretariats',
  subgraph: 'institutions',
  summary: 'Local technical secretariats (INAI ejercicios_locales.csv) → technical secretariats',
  arguments: '<ejercicios_locales.csv>',
  help: [
    "Reads INAI's local exercises file: a state with an installation date (fecha_instalacion_stl) has a tripartite technical secretariat. Dataset id: inai-pal-local.",
    ALL_OR_NOTHING,
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

export const pefInstitutions: FormatSpec = {
  name: 'pef-institutions',
  subgraph: 'institutions',
  summary: 'Ramos and responsible units from SHCP OFDP budget CSVs → institutions',
  arguments: '<file.csv | folder>…',
  help: [
    'Reads the ramos (MX-RAMO-<ramo>) and responsible units (MX-CPA-<ramo><ur>) named by SHCP open budget files (the same files as shcp-budget); a folder stands for its .csv files.',
    'Files are read newest `ciclo` first: an institution keeps the name and source of the first file and line that names it, so a 2018 name wins over a 2017 one. Dataset id as for shcp-budget.',
    ALL_OR_NOTHING,
    '--max-errors stops between files: a file is always checked whole, and the files after the one that reaches the limit are not read.',
  ],
  example: 'npm run import -- pef-institutions data/shcp-pef',
  shape: CSV_WITH_HEADER,
  independentFiles: true,
  skipRejected: false,
  resolve(paths, cwd) {
    const resolved = manyFiles(paths, cwd, '.csv');
    if ('usage' in resolved) return resolved;
    const year = (absolute: string) => firstValue(absolute, 'ciclo') ?? '';
    return { files: [...resolved.files].sort((a, b) => year(b.absolute).localeCompare(year(a.absolute))) };
  },
  async parse(files) {
    const inputs = files.map((file) => ({ file: file.absolute, dataset: pefDataset(file.absolute), displayName: file.displayName }));
    const parsed = parsePef(inputs);
    return allOrNothing(
      parsed.problems,
      [bySource(Institution, 'institutions', parsed.institutions)],
      (manager) => writePef(manager, parsed),
      unknownDatasetWarnings(inputs.map((input) => input.dataset)),
    );
  },
};
