import { firstValue, pefDataset, unknownDatasetWarnings } from '../../kit/import/datasets';
import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER, MAX_ERRORS_BY_FILE } from '../../kit/import/format-helpers';
import { manyFiles } from '../../kit/import/inputs';
import { Institution } from '../entities/institution.entity';
import { parsePef, writePef } from './pef-institutions.importer';

export const pefInstitutions: FormatSpec = {
  name: 'pef-institutions',
  subgraph: 'institutions',
  summary: 'Ramos and responsible units from SHCP OFDP budget CSVs → institutions',
  arguments: '<file.csv | folder>…',
  help: [
    'Reads the ramos (MX-RAMO-<ramo>) and responsible units (MX-CPA-<ramo><ur>) named by SHCP open budget files (the same files as shcp-budget); a folder stands for its .csv files.',
    'Files are read newest `ciclo` first: an institution keeps the name and source of the first file and line that names it, so a 2018 name wins over a 2017 one. Dataset id as for shcp-budget.',
    'All or nothing: one rejected row and nothing is written.',
    MAX_ERRORS_BY_FILE,
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
