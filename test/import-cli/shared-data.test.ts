import fs from 'node:fs';
import path from 'node:path';
import { DATA, runJson, sandbox, SHARED, type Sandbox } from './cli';

/**
 * The promise of the importers: every file of the real-data folder imports, or is rejected row by row with reasons.
 * Each entry runs the real CLI (a dry run, so the whole folder is checked against the database without keeping it)
 * and states how many rows or items the publishers' own files have that cannot be loaded exactly.
 */
interface Import {
  format: string;
  /** Relative to the real-data folder, or absolute (the project's own detail layer). */
  paths: string[];
  options?: string[];
  rejected: number;
}

const IMPORTS: Import[] = [
  { format: 'shcp-budget', paths: ['budget_mx_pef_ofdp_sample/2017.sample.csv', 'budget_mx_pef_ofdp_sample/2018.sample.csv'], rejected: 0 },
  { format: 'pef-institutions', paths: ['budget_mx_pef_ofdp_sample/2017.sample.csv', 'budget_mx_pef_ofdp_sample/2018.sample.csv'], rejected: 0 },
  // Four Jalisco contract values have three decimals (sub-centavo): left out, never rounded.
  { format: 'ocds', paths: ['ocds_mx'], options: ['--skip-rejected'], rejected: 4 },
  // One 2018 amount with three decimals; in 2017 one line of broken quoting and three three-decimal amounts.
  { format: 'compranet', paths: ['procurement_mx_compranet_sample/2017.sample.csv', 'procurement_mx_compranet_sample/2018.sample.csv'], options: ['--skip-rejected'], rejected: 5 },
  { format: 'consumer-prices', paths: ['budget_mx_cuenta_publica/IPC.csv'], rejected: 0 },
  { format: 'gdp', paths: ['budget_mx_cuenta_publica/PIB.csv'], rejected: 0 },
  { format: 'ogp-commitments', paths: ['ogp_commitments/open_parliament_0703.csv'], rejected: 0 },
  { format: 'local-action-plans', paths: ['ogp_local_mx_pal', path.join(DATA, 'illustrative')], rejected: 0 },
  { format: 'technical-secretariats', paths: ['ogp_local_mx_pal/ejercicios_locales.csv'], rejected: 0 },
  { format: 'metric', paths: ['ogp_local_mx_pal/indicadores_estatales_datos.csv'], rejected: 0 },
  { format: 'state-indicators', paths: ['ogp_local_mx_pal'], rejected: 0 },
  { format: 'guarantor-bodies', paths: ['institutions_mx_organos_garantes/inai-data.json'], rejected: 0 },
  { format: 'archival-catalogue', paths: ['archival_cadido_sre'], rejected: 0 },
];

/** What is not data to load, or is loaded by a test of its own because it is large. */
const ELSEWHERE: Record<string, string> = {
  'README.md': 'describes the folder',
  'budget_mx_pef_ofdp_sample/diccionario.xlsx': "SHCP's dictionary of the 39 columns, which the importer follows",
  'procurement_mx_compranet_sample/diccionario.xlsx': "SFP's dictionary of the 45 columns, which gives the header-less file its names",
  'budget_mx_cuenta_publica/LICENSE.upstream': 'the compilation\'s licence, shipped beside what the project takes',
  'ocds_mx/LICENSE.sample-data-repo': "the collection's licence, shipped beside what the project takes",
  'budget_mx_cuenta_publica/csv': 'all eleven years, 58 k lines: imported in test/budgets/cuenta-publica-years.test.ts',
  'budget_mx_cuenta_publica/data_total.csv': 'ramo totals built from csv/: checked against the imported accounts in test/budgets/cuenta-publica-years.test.ts',
};

function filesUnder(folder: string, relative = ''): string[] {
  return fs.readdirSync(path.join(folder, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = path.posix.join(relative, entry.name);
    return entry.isDirectory() ? filesUnder(folder, child) : [child];
  });
}

const within = (file: string, claimed: string) => file === claimed || file.startsWith(`${claimed}/`);

const present = fs.existsSync(SHARED);
const describeShared = present ? describe : describe.skip;
if (!present) console.warn(`${SHARED} is absent: the real-data checks are skipped`);

describeShared('every file of the real-data folder', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test('is read by a format below, or is accounted for', () => {
    const claimed = [...IMPORTS.flatMap((entry) => entry.paths), ...Object.keys(ELSEWHERE)];
    const unclaimed = filesUnder(SHARED).filter((file) => !claimed.some((entry) => within(file, entry)));
    expect(unclaimed).toEqual([]);
  });

  test.each(IMPORTS)('$format: imports, with $rejected rows or items rejected, each named with a reason', async ({ format, paths, options = [], rejected }) => {
    const absolute = paths.map((entry) => (path.isAbsolute(entry) ? entry : path.join(SHARED, entry)));
    const { code, report } = await runJson(box, [format, ...absolute, ...options, '--dry-run']);
    expect(report.summary.rejected).toBe(rejected);
    expect(report.problemCount).toBeGreaterThanOrEqual(rejected);
    for (const problem of report.problems) {
      expect(problem).toEqual(expect.objectContaining({ file: expect.any(String), reason: expect.any(String) }));
      expect(problem.row ?? problem.path).toBeDefined();
    }
    expect(report.summary.inserted).toBeGreaterThan(0);
    expect(code).toBe(rejected === 0 ? 0 : 1);
  });
});
