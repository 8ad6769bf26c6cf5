import { allOrNothingFormat, fromFile } from '../../kit/import/format-helpers';
import { Allocation } from '../entities/allocation.entity';
import { parseAllocations, writeAllocations } from './allocations.importer';

export const allocations = allOrNothingFormat({
  name: 'allocations',
  subgraph: 'budgets',
  summary: 'Commitment ↔ budget-program links (allocations CSV) → allocations',
  arguments: '<allocations.csv>',
  help: [
    'Reads one allocations CSV (commitment_id, fiscal_year, program_key, scope_state_id, scope_municipality, assigned, basis, dataset, file, row, note): each row links a commitment to a budget program and names where the link is stated (a dataset of data/datasets.json, and a file and row, or none for the illustrative layer).',
    'All or nothing: one rejected row anywhere and nothing is written.',
  ],
  example: 'npm run import -- allocations data/allocations/allocations.csv',
  read: ([file]) => parseAllocations(file.absolute),
  // A row's provenance names the file that states the link, not this one: every allocation comes from this file.
  tables: (parsed, [file]) => [fromFile(Allocation, 'allocations', parsed.allocations, file)],
  write: writeAllocations,
});
