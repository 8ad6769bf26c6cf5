import type { FormatLoad } from '../../kit/import/format';
import { allOrNothing, bySource } from '../../kit/import/format-helpers';
import { manyFiles } from '../../kit/import/inputs';
import { Institution } from '../entities/institution.entity';
import { parseOcdsBuyers, writeOcdsBuyers } from './ocds-buyers.importer';

/**
 * Buyers named by federal OCDS releases (an `MX-CPA` identifier), added only where the budget files named no such
 * institution: the start-up sample reads them after pef-institutions; the CLI's ocds format links contracts instead.
 */
export const ocdsBuyers: FormatLoad = {
  name: 'ocds-buyers',
  subgraph: 'institutions',
  resolve: (paths, cwd) => manyFiles(paths, cwd, '.json'),
  async parse(files) {
    const displayNames = new Map(files.map((file) => [file.absolute, file.displayName]));
    const parsed = parseOcdsBuyers(
      files.map((file) => file.absolute),
      (file) => displayNames.get(file) ?? file,
    );
    return allOrNothing(parsed.problems, [bySource(Institution, 'buyers', parsed.candidates)], (manager) =>
      writeOcdsBuyers(manager, parsed),
    );
  },
};
