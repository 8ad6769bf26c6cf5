import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { definition } from '../../../subgraphs/commitments/definition';
import { ActionPlan } from '../../../subgraphs/commitments/entities/action-plan.entity';
import { Commitment } from '../../../subgraphs/commitments/entities/commitment.entity';
import { PLANS_FILE, statusFromText } from '../../../subgraphs/commitments/importers/local-action-plans/action-plans.importer';
import { localActionPlans } from '../../../subgraphs/commitments/importers/local-action-plans.format';
import type { LocalActionPlanFiles } from '../../../subgraphs/commitments/importers/local-action-plans.importer';
import { COMMITMENTS_FILE } from '../../../subgraphs/commitments/importers/local-action-plans/commitments.importer';
import { DETAILS_FILE, EVALUATIONS_FILE, MILESTONES_FILE } from '../../../subgraphs/commitments/entities/illustrative.dataset';
import { ImportError, type ImportProblem } from '../../../subgraphs/kit/import/problems';
import { readCsv } from '../../../subgraphs/kit/import/csv-file';
import { importFormat } from '../../helpers/formats';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';

const DATA = path.resolve(__dirname, '../../../data');
const at = (file: string) => path.join(DATA, file);
const SHIPPED: LocalActionPlanFiles = {
  plans: at(PLANS_FILE),
  commitments: at(COMMITMENTS_FILE),
  details: at(DETAILS_FILE),
  milestones: at(MILESTONES_FILE),
  evaluations: at(EVALUATIONS_FILE),
};

/** The five files through the local-action-plans format, each given by its path. */
const load = (files: LocalActionPlanFiles) => importFormat(subgraph.dataSource, localActionPlans, Object.values(files));

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
});

afterAll(async () => {
  await subgraph.close();
});

/** Everything in the database, in a stable order, to prove a rejected import changed nothing. */
async function snapshot(): Promise<string> {
  const plans = await subgraph.dataSource.getRepository(ActionPlan).find({ order: { id: 'ASC' } });
  const commitments = await subgraph.dataSource.getRepository(Commitment).find({ order: { id: 'ASC' } });
  return JSON.stringify({ plans, commitments });
}

/** The shipped files with one of them edited, in a temporary folder. */
function editedFiles(which: keyof LocalActionPlanFiles, edit: (text: string) => string): LocalActionPlanFiles {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-import-'));
  const original = fs.readFileSync(SHIPPED[which], 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original);
  const file = path.join(directory, path.basename(SHIPPED[which]));
  fs.writeFileSync(file, edited);
  return { ...SHIPPED, [which]: file };
}

async function rejection(files: LocalActionPlanFiles): Promise<ImportProblem[]> {
  const before = await snapshot();
  const error = await load(files).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportError);
  expect(await snapshot()).toBe(before);
  return (error as ImportError).problems;
}

describe('importer rejections (nothing is written)', () => {
  it('rejects an unknown state name, naming file, line and field', async () => {
    const problems = await rejection(editedFiles('commitments', (text) => text.replace('Tlaxcala,3,PAL', 'Tlaxcalita,3,PAL')));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'ogp-local/pal_compromisos.csv', row: 35, field: 'estado', value: 'Tlaxcalita' }),
    ]);
  });

  it('rejects a date that does not exist', async () => {
    const problems = await rejection(
      editedFiles('plans', (text) => text.replace('Tlaxcala,2015-03-09,2015-07-07', 'Tlaxcala,2015-03-09,2015-07-32')),
    );
    expect(problems).toEqual([
      expect.objectContaining({ file: 'ogp-local/ejercicios_locales.csv', row: 9, field: 'fecha_instalacion_stl', value: '2015-07-32' }),
    ]);
  });

  it('rejects a file missing a required column', async () => {
    const problems = await rejection(
      editedFiles('commitments', (text) => text.replace('estado,compromiso,tipo,titulo,', 'estado,compromiso,tipo,title,')),
    );
    expect(problems).toEqual([expect.objectContaining({ file: 'ogp-local/pal_compromisos.csv', row: 1, field: 'titulo' })]);
  });

  it('rejects two commitments with the same number in one state', async () => {
    const problems = await rejection(editedFiles('commitments', (text) => text.replace('Tlaxcala,4,PAL', 'Tlaxcala,3,PAL')));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'ogp-local/pal_compromisos.csv',
        row: 36,
        field: 'id',
        value: 'MX-TLA-PAL-2016-03',
        reason: expect.stringContaining('line 35'),
      }),
    ]);
  });

  it('rejects a commitment whose plan ejercicios_locales.csv does not publish', async () => {
    const problems = await rejection(editedFiles('commitments', (text) => text.replace(/2016-06-30\r?\n(Veracruz,1)/, '2016-07-01\r\n$1')));
    expect(problems).toEqual([expect.objectContaining({ file: 'ogp-local/pal_compromisos.csv', row: 37, field: 'fecha_publicacion_pal' })]);
  });

  it('rejects an illustrative detail naming an unknown commitment or theme', async () => {
    const problems = await rejection(
      editedFiles('details', (text) => text.replace('MX-VER-PAL-2016-02,FOLLOW_THE_MONEY', 'MX-VER-PAL-2016-12,FOLLOW_THE_CASH')),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'illustrative/commitment-details.csv', row: 6, field: 'themes', value: 'FOLLOW_THE_CASH' }),
        expect.objectContaining({
          file: 'illustrative/commitment-details.csv',
          row: 6,
          field: 'commitment_id',
          value: 'MX-VER-PAL-2016-12',
        }),
      ]),
    );
  });

  it('rejects an evaluation with an unknown completion level', async () => {
    const problems = await rejection(editedFiles('evaluations', (text) => text.replace(',LIMITED,', ',HALF,')));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'illustrative/commitment-evaluations.csv', row: 2, field: 'completion', value: 'HALF' }),
    ]);
  });
});

describe('re-import', () => {
  it('is idempotent: the same rows, the same ids, the same values', async () => {
    const before = await snapshot();
    await load(SHIPPED);
    await load(SHIPPED);
    expect(await subgraph.dataSource.getRepository(ActionPlan).count()).toBe(7);
    expect(await subgraph.dataSource.getRepository(Commitment).count()).toBe(42);
    expect(await snapshot()).toBe(before);
  });
});

describe('status mapping', () => {
  it('condenses every status text of ejercicios_locales.csv', () => {
    const mapped = readCsv(SHIPPED.plans).map((row) => [row.values.estado, statusFromText(row.values.estatus_2019)]);
    expect(mapped).toEqual([
      ['Morelos', 'CLOSING'],
      ['Nuevo León', 'IN_PREPARATION'],
      ['Oaxaca', 'IMPLEMENTATION'],
      ['Sonora', 'IN_PREPARATION'],
      ['Campeche', 'IMPLEMENTATION'],
      ['Durango', 'NEXT_PLAN_IN_PREPARATION'],
      ['San Luis Potosí', 'IMPLEMENTATION'],
      ['Tlaxcala', 'NEXT_PLAN_IN_PREPARATION'],
      ['Veracruz', 'NEXT_PLAN_IN_PREPARATION'],
    ]);
  });
});
