import path from 'node:path';
import { repositoryRoot } from '../../common/paths';

/**
 * The real-data folder (read-only): REAL_DATA_DIR when set, else `shared/data` beside the project, as on the developers'
 * machines and in CI. A fresh clone has none, and the checks that need it are skipped.
 */
export function realDataFolder(env: Record<string, string | undefined> = process.env): string {
  const given = env.REAL_DATA_DIR?.trim();
  return given ? path.resolve(given) : path.resolve(repositoryRoot, '..', 'shared', 'data');
}

/**
 * Which files of the real-data folder each format reads, and how many rows or items of the publishers' own files
 * cannot be loaded exactly. test/tools/import/shared-data.test.ts imports each through the CLI; the import benchmark
 * measures the formats on them.
 */
export interface RealDataImport {
  format: string;
  /** Relative to the real-data folder. */
  paths: string[];
  /** Relative to the project's data/ folder: files the format needs that only the project ships (the detail layer). */
  projectPaths?: string[];
  /** Loaded with --skip-rejected: the rejected rows are left out. */
  skipRejected?: boolean;
  rejected: number;
  /** A large input imported by a test of its own (with its sums), which the shared-data test leaves to it. */
  testedIn?: string;
}

export const REAL_DATA_IMPORTS: readonly RealDataImport[] = [
  { format: 'shcp-budget', paths: ['budget_mx_pef_ofdp_sample/2017.sample.csv', 'budget_mx_pef_ofdp_sample/2018.sample.csv'], rejected: 0 },
  {
    format: 'pef-institutions',
    paths: ['budget_mx_pef_ofdp_sample/2017.sample.csv', 'budget_mx_pef_ofdp_sample/2018.sample.csv'],
    rejected: 0,
  },
  // Four Jalisco contract values have three decimals: kept exactly (money is stored to the ten-thousandth).
  { format: 'ocds', paths: ['ocds_mx'], rejected: 0 },
  // One line of the 2017 file has broken quoting; the amounts with three or four decimals load exactly.
  {
    format: 'compranet',
    paths: ['procurement_mx_compranet_sample/2017.sample.csv', 'procurement_mx_compranet_sample/2018.sample.csv'],
    skipRejected: true,
    rejected: 1,
  },
  {
    format: 'cuenta-publica',
    paths: ['budget_mx_cuenta_publica/csv'],
    rejected: 0,
    testedIn: 'test/subgraphs/budgets/cuenta-publica-years.test.ts',
  },
  { format: 'consumer-prices', paths: ['budget_mx_cuenta_publica/IPC.csv'], rejected: 0 },
  { format: 'gdp', paths: ['budget_mx_cuenta_publica/PIB.csv'], rejected: 0 },
  { format: 'ogp-commitments', paths: ['ogp_commitments/open_parliament_0703.csv'], rejected: 0 },
  { format: 'local-action-plans', paths: ['ogp_local_mx_pal'], projectPaths: ['illustrative'], rejected: 0 },
  { format: 'technical-secretariats', paths: ['ogp_local_mx_pal/ejercicios_locales.csv'], rejected: 0 },
  { format: 'metric', paths: ['ogp_local_mx_pal/indicadores_estatales_datos.csv'], rejected: 0 },
  { format: 'state-indicators', paths: ['ogp_local_mx_pal'], rejected: 0 },
  { format: 'guarantor-bodies', paths: ['institutions_mx_organos_garantes/inai-data.json'], rejected: 0 },
  { format: 'archival-catalogue', paths: ['archival_cadido_sre'], rejected: 0 },
];

/** An entry's paths, absolute: the real-data ones first, then the project's own. */
export function realDataPaths(entry: RealDataImport, realData: string, projectData: string): string[] {
  return [
    ...entry.paths.map((file) => path.join(realData, file)),
    ...(entry.projectPaths ?? []).map((file) => path.join(projectData, file)),
  ];
}
