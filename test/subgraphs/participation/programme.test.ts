import fs from 'node:fs';
import path from 'node:path';
import { parseProgrammeFigures } from '../../../subgraphs/participation/importers/programme-figures.importer';
import { openParticipation, type Participation } from './participation';

const FILE = path.resolve(__dirname, '../../../data/participation/cocreacion-2017.csv');

describe("participation: the programme's own figures", () => {
  let participation: Participation;
  beforeAll(async () => {
    participation = await openParticipation();
  });
  afterAll(() => participation.close());

  it('loads the 2015 and 2016 cohorts and the 2017 counts as reported, with their source rows', async () => {
    const { programmeFigures } = await participation.data(
      '{ programmeFigures { measure asOf reportedCount states { id } said sources { dataset file row } } }',
    );
    const byMeasure = Object.fromEntries(programmeFigures.map((figure: { measure: string }) => [figure.measure, figure]));
    const ids = (measure: string) => byMeasure[measure].states.map((state: { id: string }) => state.id);
    // Durango, Oaxaca, Morelos, Veracruz, Coahuila, Baja California, Jalisco, Tlaxcala, Hidalgo, Chiapas, Tabasco.
    expect(ids('COHORT_2015')).toEqual(['10', '20', '17', '30', '05', '02', '14', '29', '13', '07', '27']);
    expect(ids('COHORT_2016')).toEqual(['04', '08', '15', '12', '16', '19', '25', '22', '09', '26']);
    expect(byMeasure.PARTICIPATING_STATES).toMatchObject({ asOf: '2017', reportedCount: 23, states: [] });
    expect(byMeasure.TECHNICAL_SECRETARIATS.reportedCount).toBe(15);
    expect(ids('TECHNICAL_SECRETARIATS')).toHaveLength(15);
    expect(byMeasure.LOCAL_ACTION_PLANS.reportedCount).toBe(9);
    expect(ids('LOCAL_ACTION_PLANS')).toEqual(['10', '17', '30', '20', '29', '05', '32', '14', '24']);
    expect(byMeasure.COMMITMENTS).toMatchObject({ reportedCount: 56, states: [] });
    expect(ids('ADHESION_DECLARATIONS')).toEqual(['11']);
    expect(byMeasure.COHORT_2015.sources[0]).toEqual({ dataset: 'inai-cocreacion-2017', file: 'cocreacion-2017.csv', row: 2 });
    const rows = fs.readFileSync(FILE, 'utf8').trim().split('\n').length - 1;
    expect(programmeFigures.reduce((sum: number, figure: { sources: unknown[] }) => sum + figure.sources.length, 0)).toBe(rows);
  });

  it('names the file, row and field of every bad row', () => {
    const bad = path.join(participation.keyDirectory, 'bad.csv');
    fs.writeFileSync(
      bad,
      'measure,as_of,reported_count,state,said\nCOHORT_2015,2015,,Atlantis,x\nVOTES,2017,3,,x\nCOMMITMENTS,17,56,Durango,x\n',
    );
    const { problems, figures } = parseProgrammeFigures(bad);
    expect(figures).toHaveLength(3);
    expect(problems.map((problem) => [problem.row, problem.field])).toEqual([
      [2, 'state'],
      [3, 'measure'],
      [4, 'as_of'],
      [4, 'reported_count'],
    ]);
  });
});
