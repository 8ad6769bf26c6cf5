import fs from 'node:fs';
import path from 'node:path';
import { definition as archives } from '../../../subgraphs/archives/definition';
import { definition as budgets } from '../../../subgraphs/budgets/definition';
import { definition as commitments } from '../../../subgraphs/commitments/definition';
import { definition as institutions } from '../../../subgraphs/institutions/definition';
import type { SubgraphDefinition } from '../../../subgraphs/kit/start-subgraph';
import { openTestSubgraph } from '../../helpers/subgraph';
import { DATA, inputFile, runJson, sandbox, type Sandbox } from './cli';

const at = (...parts: string[]) => path.join(DATA, ...parts);

/**
 * Every format over the real files the project ships, with its rows; records are checked against the stored catalogue,
 * so their entry loads it first (unchanged when the archival-catalogue entry already has), and runs alone too.
 */
const EVERY_FORMAT: [string[], number, string[] | null][] = [
  [['shcp-budget', at('shcp-pef')], 4800, null],
  [['ocds', at('ocds')], 30, null],
  [['cuenta-publica', at('cuenta-publica', '2017.csv')], 668, null],
  [['allocations', at('allocations', 'allocations.csv')], 6, null],
  [['ogp-commitments', at('ogp', 'open_parliament_0703.csv')], 558, null],
  [['local-action-plans', at('ogp-local'), at('illustrative')], 7 + 42, null],
  [['metric', at('metrica-gobierno-abierto', 'indicadores_estatales_datos.csv')], 11, null],
  [['guarantor-bodies', at('organos-garantes', 'inai-data.json')], 32, null],
  [['technical-secretariats', at('ogp-local', 'ejercicios_locales.csv')], 7, null],
  [['pef-institutions', at('shcp-pef')], 1054, null],
  [['archival-catalogue', at('archives')], 15 + 113 + 28, null],
  [['records', at('illustrative')], 13 + 21, ['archival-catalogue', at('archives')]],
];

describe('every format loads real files into empty databases, and loads them again unchanged', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test.each(EVERY_FORMAT)('%j', async (argv, rows, prerequisite) => {
    if (prerequisite) expect((await runJson(box, prerequisite)).code).toBe(0);
    const first = await runJson(box, argv);
    expect([first.code, first.report.problems]).toEqual([0, []]);
    expect(first.report.summary).toEqual({ inserted: rows, updated: 0, unchanged: 0, rejected: 0 });
    const again = await runJson(box, argv);
    expect([again.code, again.report.summary]).toEqual([0, { inserted: 0, updated: 0, unchanged: rows, rejected: 0 }]);
    expect(again.report.entities.every((entity) => entity.inserted === 0 && entity.updated === 0)).toBe(true);
  });
});

/** The shipped files through the CLI, per subgraph, over a database the service filled with the sample on start. */
const SHIPPED: [SubgraphDefinition, string[][]][] = [
  [
    budgets,
    [
      ['shcp-budget', at('shcp-pef')],
      ['ocds', at('ocds')],
      ['allocations', at('allocations', 'allocations.csv')],
    ],
  ],
  [commitments, [['local-action-plans', at('ogp-local'), at('illustrative')]]],
  [
    institutions,
    [
      ['metric', at('metrica-gobierno-abierto', 'indicadores_estatales_datos.csv')],
      ['guarantor-bodies', at('organos-garantes', 'inai-data.json')],
      ['technical-secretariats', at('ogp-local', 'ejercicios_locales.csv')],
      ['pef-institutions', at('shcp-pef')],
    ],
  ],
  [
    archives,
    [
      ['archival-catalogue', at('archives')],
      ['records', at('illustrative')],
    ],
  ],
];

describe("the CLI writes rows exactly as the service's own sample load does", () => {
  test.each(SHIPPED.map(([definition, runs]) => [definition.name, definition, runs] as const))(
    '%s: importing the shipped files over the sample changes nothing',
    async (_name, definition, runs) => {
      const box = sandbox();
      const subgraph = await openTestSubgraph(definition, { config: box.config });
      try {
        for (const argv of runs) {
          const { code, report } = await runJson(box, argv);
          expect([argv[0], code, report.summary.inserted, report.summary.updated]).toEqual([argv[0], 0, 0, 0]);
          expect(report.summary.unchanged).toBeGreaterThan(0);
        }
      } finally {
        await subgraph.close();
        await box.cleanup();
      }
    },
  );
});

describe('rejections name the file as given', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test('records checked against an empty catalogue: every record rejected, nothing written', async () => {
    const { code, report } = await runJson(box, ['records', at('illustrative')]);
    expect(code).toBe(1);
    expect(report.files.find((file) => file.file.endsWith('records.csv'))).toMatchObject({ rows: 13, rejected: 13 });
    expect(report.problems[0]).toMatchObject({ file: at('illustrative', 'records.csv'), row: 2, field: 'series_code' });
    expect(report.written).toBe(false);
  });

  test('local action plans: a bad date in ejercicios_locales.csv is reported against that file, with a rejects file', async () => {
    const plans = fs.readFileSync(at('ogp-local', 'ejercicios_locales.csv'), 'utf8').replace('Morelos,2015-03-09,', 'Morelos,2015-13-09,');
    const folder = path.dirname(inputFile(box, 'ejercicios_locales.csv', plans));
    for (const name of ['pal_compromisos.csv']) fs.copyFileSync(at('ogp-local', name), path.join(folder, name));
    const { code, report } = await runJson(box, ['local-action-plans', folder, at('illustrative')]);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: path.join(folder, 'ejercicios_locales.csv'),
        field: expect.stringMatching(/^fecha_/),
        value: '2015-13-09',
      }),
    ]);
    expect(report.rejectsFiles).toEqual(['ejercicios_locales.csv.rejects.csv']);
  });

  test('guarantor bodies: a bad figure is rejected with its JSON path; the rejects file is JSON', async () => {
    const items = JSON.parse(fs.readFileSync(at('organos-garantes', 'inai-data.json'), 'utf8')) as Record<string, unknown>[];
    items[3].solicitudes_2010 = -4;
    const file = inputFile(box, 'inai-data.json', JSON.stringify(items));
    const { code, report } = await runJson(box, ['guarantor-bodies', file]);
    expect(code).toBe(1);
    expect(report.problems).toEqual([expect.objectContaining({ file, path: '$[3].solicitudes_2010', value: '-4' })]);
    expect(report.files).toEqual([expect.objectContaining({ rows: 32, rejected: 1 })]);
    const rejects = JSON.parse(fs.readFileSync(path.join(box.cwd, 'inai-data.json.rejects.json'), 'utf8'));
    expect(rejects.rejected).toEqual([{ file, path: '$[3]', problems: [expect.objectContaining({ path: '$[3].solicitudes_2010' })] }]);
  });
});
