import { bySource, derived, allOrNothingFormat } from '../../kit/import/format-helpers';
import { readJson } from '../../kit/import/json';
import { GuarantorYear } from '../entities/guarantor-year.entity';
import { Institution } from '../entities/institution.entity';
import { parseGuarantorBodies, writeGuarantorBodies } from './guarantor-bodies.importer';

export const guarantorBodies = allOrNothingFormat({
  name: 'guarantor-bodies',
  subgraph: 'institutions',
  summary: 'The state transparency bodies (órganos garantes, INAI/mapadai JSON) → institutions and yearly figures',
  arguments: '<inai-data.json>',
  help: [
    'Reads the array of the 32 state transparency bodies: name, acronym, web site, and per year budget, information requests and appeals ("sd" is no data). Dataset id: inai-organos-garantes. Problems name the JSON path.',
    'All or nothing: one rejected item and nothing is written.',
  ],
  example: 'npm run import -- guarantor-bodies data/organos-garantes/inai-data.json',
  shape: {
    kind: 'json',
    countItems: (file) => {
      const items = readJson(file, file, []);
      return Array.isArray(items) ? items.length : null;
    },
  },
  read: ([file]) => parseGuarantorBodies(file.absolute, file.displayName),
  tables: (parsed) => [bySource(Institution, 'transparency bodies', parsed.bodies), derived(GuarantorYear, 'yearly figures', parsed.years)],
  write: writeGuarantorBodies,
});
