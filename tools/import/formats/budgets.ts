import { parseAllocations, writeAllocations } from '../../../subgraphs/budgets/importers/allocations.importer';
import { COMPRANET_COLUMNS, parseCompraNetFiles, writeCompraNet } from '../../../subgraphs/budgets/importers/compranet.importer';
import { parseCuentaPublicaFiles, writeCuentaPublica } from '../../../subgraphs/budgets/importers/cuenta-publica.importer';
import { countOcdsContracts, OCDS_CONTRACT_PATH } from '../../../subgraphs/budgets/importers/ocds-containers';
import { parseOcdsFiles, writeOcds } from '../../../subgraphs/budgets/importers/ocds.importer';
import { parseBudgetFiles, writeBudget } from '../../../subgraphs/budgets/importers/shcp-budget.importer';
import { Allocation } from '../../../subgraphs/budgets/entities/allocation.entity';
import { BudgetLine } from '../../../subgraphs/budgets/entities/budget-line.entity';
import { BudgetProgram } from '../../../subgraphs/budgets/entities/budget-program.entity';
import { ContractProgram } from '../../../subgraphs/budgets/entities/contract-program.entity';
import { Contract } from '../../../subgraphs/budgets/entities/contract.entity';
import { ProgramAccount } from '../../../subgraphs/budgets/entities/program-account.entity';
import { Transaction } from '../../../subgraphs/budgets/entities/transaction.entity';
import { isGenerated, relabel } from '../../generate/load';
import { SYNTHETIC_DATASET } from '../../generate/synthetic';
import { datasetId, firstValue, unknownDatasetWarnings, yearInName } from '../datasets';
import { manyFiles, oneFile } from '../../../subgraphs/kit/import/inputs';
import type { FormatSpec } from '../../../subgraphs/kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER, derived } from '../../../subgraphs/kit/import/format-helpers';

const MAX_ERRORS_BY_FILE =
  '--max-errors stops between files: a file is always checked whole, and the files after the one that reaches the limit are not read.';
const ALL_OR_NOTHING = 'All or nothing: one rejected row anywhere and nothing is written.';

/**
 * `shcp-pef-<ciclo>` (or the shipped `-sample` dataset for a `*.sample.csv`), from the file's first record; `synthetic`
 * for a file of `npm run generate`.
 */
export function pefDataset(file: string): string {
  if (isGenerated(file)) return SYNTHETIC_DATASET;
  const year = firstValue(file, 'ciclo');
  return datasetId('shcp-pef', year !== null && /^\d{4}$/.test(year) ? year : null, file);
}

export const shcpBudget: FormatSpec = {
  name: 'shcp-budget',
  subgraph: 'budgets',
  summary: 'SHCP open budget data (PEF, 39-column OFDP CSV) → budget lines and programs',
  arguments: '<file.csv | folder>…',
  help: [
    'Reads the Presupuesto de Egresos de la Federación as published by Transparencia Presupuestaria (the 39-column OFDP CSV); a folder stands for its .csv files.',
    "Dataset id: shcp-pef-<year> from the file's `ciclo` column (shcp-pef-<year>-sample for a *.sample.csv that data/datasets.json describes; synthetic for a file of npm run generate, told by its manifest.json). An id the catalogue lacks is accepted and reported.",
    ALL_OR_NOTHING,
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- shcp-budget data/shcp-pef/2018.sample.csv data/shcp-pef/2017.sample.csv',
  shape: CSV_WITH_HEADER,
  independentFiles: true,
  skipRejected: false,
  resolve: (paths, cwd) => manyFiles(paths, cwd, '.csv'),
  async parse(files) {
    const inputs = files.map((file) => ({ file: file.absolute, dataset: pefDataset(file.absolute) }));
    const parsed = parseBudgetFiles(inputs);
    return allOrNothing(
      parsed.problems,
      [bySource(BudgetLine, 'budget lines', parsed.lines), derived(BudgetProgram, 'budget programs', parsed.programs)],
      (manager) => writeBudget(manager, parsed),
      unknownDatasetWarnings(inputs.map((input) => input.dataset)),
    );
  },
};

export const ocds: FormatSpec = {
  name: 'ocds',
  subgraph: 'budgets',
  summary: 'OCDS contracting JSON (release and record packages, records, releases) → contracts, program links, transactions',
  arguments: '<file.json | folder>…',
  help: [
    'Reads OCDS release packages (`releases`), record packages (`records`), single records and single releases; a folder stands for every .json file under it (sub-folders included).',
    "The releases of one ocid are merged into a compiled record across all the files given (in date order; later values replace earlier ones, arrays of objects with an `id` merge by id, other arrays are replaced): Jalisco and Mexico City publish one release per stage, one file each. A record's compiledRelease is used as published, and separate releases of the same ocid are then left aside (a warning says so).",
    "Each publisher is its own dataset, told apart by the content: ocds-mx-federal (ocid `ocds-07smqs-…`, budget measures per program), ocds-mx-inai (planning.budget.ramo and programa_presupuestario), ocds-mx-cdmx (`OCDS-87SD3T-…`, payments whose ids are CLC numbers), ocds-mx-jalisco (`ocds-xs1qbl-…`), ocds-mx-gacm (publisher GACM); another publisher's data is read the same way under `ocds-<ocid prefix>`.",
    "Programs are linked only where stated (a budgetBreakdown id such as 12E023, or INAI's ramo and program), buyers only through an `MX-CPA` identifier (or INAI's ramo). Contract ids are `<ocid>/<contracts[].id>`, transaction ids `<contract id>/<transactions[].id>`.",
    'Problems name the file and the JSON path (for a merged value, the release file that supplied it). An amount with more than two decimals (four Jalisco contract values) is rejected, never rounded. By default all or nothing; with --skip-rejected a contract with a problem is left out with its transactions, while problems with a whole file or process still stop the load.',
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- ocds data/ocds',
  shape: { kind: 'json', countItems: countOcdsContracts, itemPath: OCDS_CONTRACT_PATH },
  independentFiles: true,
  skipRejected: true,
  resolve: (paths, cwd) => manyFiles(paths, cwd, '.json', true),
  async parse(files) {
    const parsed = parseOcdsFiles(files.map((file) => ({ file: file.absolute })));
    const generated = new Set(files.filter((file) => isGenerated(file.absolute)).map((file) => file.displayName));
    const rows = [...parsed.contracts, ...parsed.transactions];
    relabel(rows.filter((row) => generated.has(row.source.file)));
    const skippable = new Set(parsed.rowProblems);
    return {
      fatal: parsed.problems.filter((problem) => !skippable.has(problem)),
      skippable: parsed.rowProblems,
      tables: [
        bySource(Contract, 'contracts', parsed.contracts),
        derived(Transaction, 'transactions', parsed.transactions),
        derived(ContractProgram, 'contract–program links', parsed.links),
      ],
      write: (manager) => writeOcds(manager, parsed),
      warnings: [...parsed.notes, ...unknownDatasetWarnings([...new Set(rows.map((row) => row.source.dataset))])],
    };
  },
};

export const compranet: FormatSpec = {
  name: 'compranet',
  subgraph: 'budgets',
  summary: 'CompraNet contracts (SFP, 45-column CSV, with or without header) → contracts, program links',
  arguments: '<YEAR….csv | folder>…',
  help: [
    "Reads the SFP's CompraNet contracts files: with a header row (2018) or without one in the dictionary's column order (2017). A folder stands for its .csv files.",
    'The file name must carry the publication year (2018.sample.csv, contratos_2017.csv): contract ids are compranet-<year>/<CODIGO_CONTRATO>. Dataset id: compranet-<year> (compranet-<year>-sample for a *.sample.csv that data/datasets.json describes).',
    'By default all or nothing. With --skip-rejected the readable rows are loaded and the rejected ones left out (exit code 1, and the rejects file lists them); problems with a whole file (header, duplicate contract codes) still stop the load.',
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- compranet data/compranet/2018.sample.csv --skip-rejected',
  shape: {
    kind: 'csv',
    // The 2017 layout has no header row: its rejected rows get the dictionary's column names, so the file reads back.
    impliedHeader: (first) =>
      first.some((field) => (COMPRANET_COLUMNS as readonly string[]).includes(field.trim().toUpperCase())) ? null : [...COMPRANET_COLUMNS],
  },
  independentFiles: true,
  skipRejected: true,
  resolve(paths, cwd) {
    const resolved = manyFiles(paths, cwd, '.csv');
    if ('usage' in resolved) return resolved;
    const undated = resolved.files.filter((file) => yearInName(file.path) === null);
    if (undated.length > 0)
      return { usage: `the publication year is not in the name of ${undated.map((f) => f.path).join(', ')} (rename it, e.g. 2018.csv)` };
    return resolved;
  },
  async parse(files) {
    const inputs = files.map((file) => {
      const year = yearInName(file.path)!;
      return { file: file.absolute, year: Number(year), dataset: datasetId('compranet', year, file.path) };
    });
    const parsed = parseCompraNetFiles(inputs);
    return {
      fatal: parsed.fileProblems,
      skippable: parsed.rowProblems,
      tables: [bySource(Contract, 'contracts', parsed.contracts), derived(ContractProgram, 'contract–program links', parsed.links)],
      write: async (manager) => {
        await writeCompraNet(manager, parsed);
      },
      warnings: unknownDatasetWarnings(inputs.map((input) => input.dataset)),
    };
  },
};

export const cuentaPublica: FormatSpec = {
  name: 'cuenta-publica',
  subgraph: 'budgets',
  summary: 'Cuenta Pública by ramo and program (lapanquecita/cuenta-publica CSV) → program accounts',
  arguments: '<YEAR.csv | folder>…',
  help: [
    'Reads the federal Cuenta Pública per ente, ramo and program as compiled by lapanquecita/cuenta-publica (csv/<year>.csv, 2013–2023): blocks of a name row and the Aprobado, Modificado, Devengado, Ejercicio and percentage rows. A folder stands for its .csv files. Dataset id: cuenta-publica.',
    "Each ramo's programs must add up to its totals and each ente's ramos to the ente's, within the rounding of each figure to the centavo; each percentage must be the ratio of its amounts at the precision the file publishes. Rows the compilation mislabels, where the totals prove what they are, are read as such and listed as notes.",
    `Counts are program accounts (one per block of rows), rows read are lines. ${ALL_OR_NOTHING}`,
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- cuenta-publica data/cuenta-publica/2018.csv',
  shape: CSV_WITH_HEADER,
  independentFiles: true,
  skipRejected: false,
  resolve: (paths, cwd) => manyFiles(paths, cwd, '.csv'),
  async parse(files) {
    const parsed = parseCuentaPublicaFiles(files.map((file) => ({ file: file.absolute, dataset: 'cuenta-publica' })));
    return allOrNothing(
      parsed.problems,
      [bySource(ProgramAccount, 'program accounts', parsed.accounts)],
      (manager) => writeCuentaPublica(manager, parsed),
      parsed.corrections,
    );
  },
};

export const allocations: FormatSpec = {
  name: 'allocations',
  subgraph: 'budgets',
  summary: 'Commitment ↔ budget-program links (allocations CSV) → allocations',
  arguments: '<allocations.csv>',
  help: [
    'Reads one allocations CSV (commitment_id, fiscal_year, program_key, scope_state_id, scope_municipality, assigned, basis, dataset, file, row, note): each row links a commitment to a budget program and names where the link is stated (a dataset of data/datasets.json, and a file and row, or none for the illustrative layer).',
    ALL_OR_NOTHING,
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
