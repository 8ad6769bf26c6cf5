import fs from 'node:fs';
import path from 'node:path';
import { REAL_DATA_IMPORTS, realDataPaths } from '../../../tools/import/real-data';
import { describeWithRealData, REAL_DATA } from '../../helpers/real-data';
import { DATA, runJson, sandbox, type Sandbox } from './cli';

/**
 * The promise of the importers: every file of the real-data folder imports, or is rejected row by row with reasons.
 * Each entry of REAL_DATA_IMPORTS runs the real CLI (a dry run, so the whole folder is checked against the database
 * without keeping it) and states how many rows or items the publishers' own files have that cannot be loaded exactly.
 * What is not data to load is listed here, with why.
 */
const ELSEWHERE: Record<string, string> = {
  'README.md': 'describes the folder',
  'budget_mx_pef_ofdp_sample/diccionario.xlsx': "SHCP's dictionary of the 39 columns, which the importer follows",
  'procurement_mx_compranet_sample/diccionario.xlsx': "SFP's dictionary of the 45 columns, which gives the header-less file its names",
  'budget_mx_cuenta_publica/LICENSE.upstream': "the compilation's licence, shipped beside what the project takes",
  'ocds_mx/LICENSE.sample-data-repo': "the collection's licence, shipped beside what the project takes",
  'budget_mx_cuenta_publica/data_total.csv':
    'ramo totals built from csv/: checked against the imported accounts in test/subgraphs/budgets/cuenta-publica-years.test.ts',
};

function filesUnder(folder: string, relative = ''): string[] {
  return fs.readdirSync(path.join(folder, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = path.posix.join(relative, entry.name);
    return entry.isDirectory() ? filesUnder(folder, child) : [child];
  });
}

const within = (file: string, claimed: string) => file === claimed || file.startsWith(`${claimed}/`);

describeWithRealData('every file of the real-data folder', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test('is read by a format below, or is accounted for', () => {
    const claimed = [...REAL_DATA_IMPORTS.flatMap((entry) => entry.paths), ...Object.keys(ELSEWHERE)];
    const unclaimed = filesUnder(REAL_DATA).filter((file) => !claimed.some((entry) => within(file, entry)));
    expect(unclaimed).toEqual([]);
  });

  test.each(REAL_DATA_IMPORTS.filter((entry) => entry.testedIn === undefined))(
    '$format: imports, with $rejected rows or items rejected, each named with a reason',
    async (entry) => {
      const { format, skipRejected, rejected } = entry;
      const options = skipRejected ? ['--skip-rejected'] : [];
      const { code, report } = await runJson(box, [format, ...realDataPaths(entry, REAL_DATA, DATA), ...options, '--dry-run']);
      expect(report.summary.rejected).toBe(rejected);
      expect(report.problemCount).toBeGreaterThanOrEqual(rejected);
      for (const problem of report.problems) {
        expect(problem).toEqual(expect.objectContaining({ file: expect.any(String), reason: expect.any(String) }));
        expect(problem.row ?? problem.path).toBeDefined();
      }
      expect(report.summary.inserted).toBeGreaterThan(0);
      expect(code).toBe(rejected === 0 ? 0 : 1);
    },
  );
});
