import { datasetId, unknownDatasetWarnings, yearInName } from '../../kit/import/datasets';
import type { FormatSpec } from '../../kit/import/format';
import { generatedDataset } from '../../kit/import/generated';
import { bySource, derived, MAX_ERRORS_BY_FILE } from '../../kit/import/format-helpers';
import { manyFiles } from '../../kit/import/inputs';
import { ContractProgram } from '../entities/contract-program.entity';
import { Contract } from '../entities/contract.entity';
import { readRedFlagThresholds } from '../../../common/config/red-flags';
import { COMPRANET_COLUMNS, parseCompraNetFiles, writeCompraNet } from './compranet.importer';

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
      return {
        file: file.absolute,
        year: Number(year),
        dataset: generatedDataset(file.absolute) ?? datasetId('compranet', year, file.path),
      };
    });
    const parsed = parseCompraNetFiles(inputs, readRedFlagThresholds());
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
