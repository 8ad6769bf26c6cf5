import { unknownDatasetWarnings } from '../../kit/import/datasets';
import type { FormatSpec } from '../../kit/import/format';
import { bySource, derived, MAX_ERRORS_BY_FILE } from '../../kit/import/format-helpers';
import { generatedDataset, relabel } from '../../kit/import/generated';
import { manyFiles } from '../../kit/import/inputs';
import { ContractProgram } from '../entities/contract-program.entity';
import { Contract } from '../entities/contract.entity';
import { readRedFlagThresholds } from '../../../common/config/red-flags';
import { Transaction } from '../entities/transaction.entity';
import { countOcdsContracts, OCDS_CONTRACT_PATH } from './ocds/containers';
import { parseOcdsFiles, writeOcds } from './ocds.importer';

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
    'Problems name the file and the JSON path (for a merged value, the release file that supplied it). Amounts are read digit for digit, up to four decimals (the four Jalisco contract values with three load exactly); an amount with more than four decimals, or beyond the 64-bit range of the money columns, is rejected, never rounded. By default all or nothing; with --skip-rejected a contract with a problem is left out with its transactions, while problems with a whole file or process still stop the load.',
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- ocds data/ocds',
  shape: { kind: 'json', countItems: countOcdsContracts, itemPath: OCDS_CONTRACT_PATH },
  independentFiles: true,
  skipRejected: true,
  resolve: (paths, cwd) => manyFiles(paths, cwd, '.json', true),
  async parse(files) {
    const parsed = parseOcdsFiles(
      files.map((file) => ({ file: file.absolute })),
      readRedFlagThresholds(),
    );
    const rows = [...parsed.contracts, ...parsed.transactions];
    const generated = new Map(files.map((file) => [file.displayName, generatedDataset(file.absolute)]));
    for (const dataset of new Set(generated.values())) {
      if (dataset !== null)
        relabel(
          rows.filter((row) => generated.get(row.source.file) === dataset),
          dataset,
        );
    }
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
