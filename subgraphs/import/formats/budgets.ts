import path from 'node:path';
import { parseAllocations, writeAllocations } from '../../budgets/importers/allocations.importer';
import { COMPRANET_COLUMNS, parseCompraNetFiles, writeCompraNet } from '../../budgets/importers/compranet.importer';
import { parseCuentaPublicaFiles, writeCuentaPublica } from '../../budgets/importers/cuenta-publica.importer';
import { parseOcdsFiles, writeOcds, type OcdsFileInput, type OcdsPublisher } from '../../budgets/importers/ocds.importer';
import { parseBudgetFiles, writeBudget } from '../../budgets/importers/shcp-budget.importer';
import { Allocation } from '../../budgets/entities/allocation.entity';
import { BudgetLine } from '../../budgets/entities/budget-line.entity';
import { BudgetProgram } from '../../budgets/entities/budget-program.entity';
import { ContractProgram } from '../../budgets/entities/contract-program.entity';
import { Contract } from '../../budgets/entities/contract.entity';
import { ProgramAccount } from '../../budgets/entities/program-account.entity';
import { Transaction } from '../../budgets/entities/transaction.entity';
import { isGenerated, relabel } from '../../generate/load';
import { SYNTHETIC_DATASET } from '../../generate/synthetic';
import type { ImportProblem } from '../../shared/importing';
import { asObject, readJson } from '../../shared/json';
import { datasetId, firstValue, unknownDatasetWarnings, yearInName } from '../datasets';
import { manyFiles, oneFile } from '../inputs';
import type { FormatSpec, InputFile } from '../types';
import { allOrNothing, bySource, CSV_WITH_HEADER, derived } from './common';

const MAX_ERRORS_BY_FILE = '--max-errors stops between files: a file is always checked whole, and the files after the one that reaches the limit are not read.';
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
    'Dataset id: shcp-pef-<year> from the file\'s `ciclo` column (shcp-pef-<year>-sample for a *.sample.csv that data/datasets.json describes; synthetic for a file of npm run generate, told by its manifest.json). An id the catalogue lacks is accepted and reported.',
    ALL_OR_NOTHING,
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- shcp-budget data/shcp-pef/2018.sample.csv ../shared/data/budget_mx_pef_ofdp_sample/2017.sample.csv',
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

/**
 * Which importer layout an OCDS file follows: INAI's releases state the program in planning.budget (ramo and
 * programa_presupuestario); the federal compiled records have `ocds-07smqs-` ocids. An unreadable file is left to the
 * importer, which reports why.
 */
function ocdsPublisher(file: InputFile): OcdsPublisher | null {
  const document = asObject(readJson(file.absolute, file.displayName, []));
  if (document === null) return 'federal';
  const budget = asObject(asObject(document.planning)?.budget);
  if (budget?.ramo !== undefined && budget.programa_presupuestario !== undefined) return 'inai';
  return typeof document.ocid === 'string' && document.ocid.startsWith('ocds-07smqs-') ? 'federal' : null;
}

export const ocds: FormatSpec = {
  name: 'ocds',
  subgraph: 'budgets',
  summary: 'OCDS contracting JSON (federal records, INAI releases) → contracts, program links, transactions',
  arguments: '<file.json | folder>…',
  help: [
    'Reads OCDS records or releases, one process per .json file; a folder stands for every .json file under it (sub-folders included).',
    'Two publishers are understood, told apart by the content: the federal administration\'s compiled records (ocid `ocds-07smqs-…`, budget measures per program; dataset ocds-mx-federal) and INAI\'s releases (planning.budget.ramo and programa_presupuestario, payments; dataset ocds-mx-inai). Any other file is rejected.',
    'Problems name the file and the JSON path. ' + ALL_OR_NOTHING,
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- ocds data/ocds/federal data/ocds/inai',
  shape: {
    kind: 'json',
    countItems: (file) => {
      const contracts = asObject(readJson(file, file, []))?.contracts;
      return Array.isArray(contracts) ? contracts.length : null;
    },
  },
  independentFiles: true,
  skipRejected: false,
  resolve: (paths, cwd) => manyFiles(paths, cwd, '.json', true),
  async parse(files) {
    const problems: ImportProblem[] = [];
    const inputs: OcdsFileInput[] = [];
    for (const file of files) {
      const publisher = ocdsPublisher(file);
      if (publisher === null) {
        problems.push({
          file: file.displayName,
          path: '$',
          field: 'ocid',
          reason: 'is neither a federal record (ocid `ocds-07smqs-…`) nor an INAI release (planning.budget.ramo and programa_presupuestario)',
        });
      } else inputs.push({ file: file.absolute, publisher });
    }
    const parsed = parseOcdsFiles(inputs);
    const generated = new Set(inputs.filter((input) => isGenerated(input.file)).map((input) => path.basename(input.file)));
    relabel([...parsed.contracts, ...parsed.transactions].filter((row) => generated.has(row.source.file)));
    return allOrNothing(
      [...problems, ...parsed.problems],
      [
        bySource(Contract, 'contracts', parsed.contracts),
        derived(Transaction, 'transactions', parsed.transactions),
        derived(ContractProgram, 'contract–program links', parsed.links),
      ],
      (manager) => writeOcds(manager, parsed),
    );
  },
};

export const compranet: FormatSpec = {
  name: 'compranet',
  subgraph: 'budgets',
  summary: 'CompraNet contracts (SFP, 45-column CSV, with or without header) → contracts, program links',
  arguments: '<YEAR….csv | folder>…',
  help: [
    'Reads the SFP\'s CompraNet contracts files: with a header row (2018) or without one in the dictionary\'s column order (2017). A folder stands for its .csv files.',
    'The file name must carry the publication year (2018.sample.csv, contratos_2017.csv): contract ids are compranet-<year>/<CODIGO_CONTRATO>. Dataset id: compranet-<year> (compranet-<year>-sample for a *.sample.csv that data/datasets.json describes).',
    'By default all or nothing. With --skip-rejected the readable rows are loaded and the rejected ones left out (exit code 1, and the rejects file lists them); problems with a whole file (header, duplicate contract codes) still stop the load.',
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- compranet data/compranet/2018.sample.csv --skip-rejected',
  shape: {
    kind: 'csv',
    // The 2017 layout has no header row: its rejected rows get the dictionary's column names, so the file reads back.
    impliedHeader: (first) => (first.some((field) => (COMPRANET_COLUMNS as readonly string[]).includes(field.trim().toUpperCase())) ? null : [...COMPRANET_COLUMNS]),
  },
  independentFiles: true,
  skipRejected: true,
  resolve(paths, cwd) {
    const resolved = manyFiles(paths, cwd, '.csv');
    if ('usage' in resolved) return resolved;
    const undated = resolved.files.filter((file) => yearInName(file.path) === null);
    if (undated.length > 0) return { usage: `the publication year is not in the name of ${undated.map((f) => f.path).join(', ')} (rename it, e.g. 2018.csv)` };
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
    'Reads the federal Cuenta Pública per ente, ramo and program as compiled by lapanquecita/cuenta-publica (csv/<year>.csv): blocks of a name row and the Aprobado, Modificado, Devengado, Ejercicio and percentage rows. A folder stands for its .csv files. Dataset id: cuenta-publica.',
    'Counts are program accounts (one per block of rows), rows read are lines. ' + ALL_OR_NOTHING,
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- cuenta-publica ../shared/data/budget_mx_cuenta_publica/csv/2019.csv',
  shape: CSV_WITH_HEADER,
  independentFiles: true,
  skipRejected: false,
  resolve: (paths, cwd) => manyFiles(paths, cwd, '.csv'),
  async parse(files) {
    const parsed = parseCuentaPublicaFiles(files.map((file) => ({ file: file.absolute, dataset: 'cuenta-publica' })));
    return allOrNothing(parsed.problems, [bySource(ProgramAccount, 'program accounts', parsed.accounts)], (manager) => writeCuentaPublica(manager, parsed));
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
