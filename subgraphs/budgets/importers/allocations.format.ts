import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, CSV_WITH_HEADER } from '../../kit/import/format-helpers';
import { oneFile } from '../../kit/import/inputs';
import { Allocation } from '../entities/allocation.entity';
import { parseAllocations, writeAllocations } from './allocations.importer';

export const allocations: FormatSpec = {
  name: 'allocations',
  subgraph: 'budgets',
  summary: 'Commitment ↔ budget-program links (allocations CSV) → allocations',
  arguments: '<allocations.csv>',
  help: [
    'Reads one allocations CSV (commitment_id, fiscal_year, program_key, scope_state_id, scope_municipality, assigned, basis, dataset, file, row, note): each row links a commitment to a budget program and names where the link is stated (a dataset of data/datasets.json, and a file and row, or none for the illustrative layer).',
    'All or nothing: one rejected row anywhere and nothing is written.',
  ],
  example: 'npm run import -- allocations data/allocations/allocations.csv',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => oneFile(paths, cwd),
  async parse([file]) {
    const parsed = parseAllocations(file.absolute);
    return allOrNothing(
      parsed.problems,
      // A row's provenance names the file that states the link, not this one: every allocation comes from this file.
      [{ entity: Allocation, label: 'allocations', rows: parsed.allocations, fileOf: () => file.displayName }],
      (manager) => writeAllocations(manager, parsed),
    );
  },
};
