import { pefDataset, unknownDatasetWarnings } from '../../kit/import/datasets';
import { allOrNothingFormat, derived, MAX_ERRORS_BY_FILE, streamed } from '../../kit/import/format-helpers';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetProgram } from '../entities/budget-program.entity';
import { parseBudgetFiles, writeBudget } from './shcp-budget.importer';

export const shcpBudget = allOrNothingFormat({
  name: 'shcp-budget',
  subgraph: 'budgets',
  summary: 'SHCP open budget data (PEF, 39-column OFDP CSV) → budget lines and programs',
  arguments: '<file.csv | folder>…',
  help: [
    'Reads the Presupuesto de Egresos de la Federación as published by Transparencia Presupuestaria (the 39-column OFDP CSV); a folder stands for its .csv files.',
    "Dataset id: shcp-pef-<year> from the file's `ciclo` column (shcp-pef-<year>-sample for a *.sample.csv that data/datasets.json describes; synthetic for a file of npm run generate, told by its manifest.json). An id the catalogue lacks is accepted and reported.",
    'All or nothing: one rejected row anywhere and nothing is written.',
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- shcp-budget data/shcp-pef/2018.sample.csv data/shcp-pef/2017.sample.csv',
  filesOf: '.csv',
  read(files) {
    const inputs = files.map((file) => ({ file: file.absolute, dataset: pefDataset(file.absolute) }));
    return { ...parseBudgetFiles(inputs), datasets: inputs.map((input) => input.dataset) };
  },
  tables: (parsed) => [streamed(BudgetLine, 'budget lines', parsed.lines), derived(BudgetProgram, 'budget programs', parsed.programs)],
  write: (manager, parsed) => writeBudget(manager, parsed),
  warnings: (parsed) => unknownDatasetWarnings(parsed.datasets),
});
