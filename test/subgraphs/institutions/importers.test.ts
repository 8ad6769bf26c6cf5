import fs from 'node:fs';
import path from 'node:path';
import { definition } from '../../../subgraphs/institutions/definition';
import { GuarantorYear } from '../../../subgraphs/institutions/entities/guarantor-year.entity';
import { Institution } from '../../../subgraphs/institutions/entities/institution.entity';
import { OpenGovernmentScore } from '../../../subgraphs/institutions/entities/open-government-score.entity';
import { TechnicalSecretariat } from '../../../subgraphs/institutions/entities/technical-secretariat.entity';
import { guarantorBodies } from '../../../subgraphs/institutions/importers/guarantor-bodies.format';
import { normaliseWebsite, parseGuarantorBodies } from '../../../subgraphs/institutions/importers/guarantor-bodies.importer';
import { metric } from '../../../subgraphs/institutions/importers/metric.format';
import { parseMetric } from '../../../subgraphs/institutions/importers/metric.importer';
import { ocdsBuyers } from '../../../subgraphs/institutions/importers/ocds-buyers.format';
import { pefInstitutions } from '../../../subgraphs/institutions/importers/pef-institutions.format';
import { technicalSecretariats } from '../../../subgraphs/institutions/importers/technical-secretariats.format';
import { ImportError, type ImportProblem } from '../../../subgraphs/kit/import/problems';
import { importFormat } from '../../helpers/formats';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { DATA, removeTempFiles, tempFile } from './fixtures';

afterAll(removeTempFiles);

const METRIC = path.join(DATA, 'metrica-gobierno-abierto/indicadores_estatales_datos.csv');
const GUARANTORS = path.join(DATA, 'organos-garantes/inai-data.json');
const PEF_2018 = path.join(DATA, 'shcp-pef/2018.sample.csv');
const metricText = () => fs.readFileSync(METRIC, 'latin1');
const FEDERAL_OCDS = path.join(DATA, 'ocds/federal');
const guarantorJson = () => JSON.parse(fs.readFileSync(GUARANTORS, 'utf8')) as Record<string, unknown>[];

/** Runs a load that must fail and returns its problems. */
async function rejected(load: () => Promise<unknown>): Promise<ImportProblem[]> {
  const error = await load().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).problems;
}

describe('parsing the shipped files', () => {
  test('the Latin-1 metric file: ten states, the national row, the trailing empty row skipped', () => {
    const parsed = parseMetric(METRIC);
    expect(parsed.problems).toEqual([]);
    expect(parsed.scores).toHaveLength(11);
    expect(parsed.scores.filter((s) => s.stateId === null).map((s) => s.id)).toEqual(['MX:2017']);
    expect(parsed.scores.map((s) => s.stateId)).toContain('24');
  });

  test('the transparency bodies: trimmed names, upper-cased acronyms, websites with a scheme', () => {
    const parsed = parseGuarantorBodies(GUARANTORS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.bodies).toHaveLength(32);
    const aguascalientes = parsed.bodies.find((b) => b.id === 'MX-OG-01')!;
    expect(aguascalientes.name).toBe('Instituto de Transparencia del Estado de Aguascalientes');
    expect(aguascalientes.acronym).toBe('ITEA');
    expect(normaliseWebsite('www.itei.org.mx')).toBe('http://www.itei.org.mx/');
    expect(normaliseWebsite('https://example.org/a')).toBe('https://example.org/a');
  });
});

describe('malformed inputs are rejected and leave the database unchanged', () => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition);
  });

  afterAll(async () => {
    await subgraph.close();
  });

  async function snapshot() {
    const repo = <E extends object>(entity: new () => E) => subgraph.dataSource.getRepository(entity);
    return {
      institutions: await repo(Institution).count(),
      scores: await repo(OpenGovernmentScore).find({ order: { id: 'ASC' } }),
      years: await repo(GuarantorYear).count(),
      secretariats: await repo(TechnicalSecretariat).find({ order: { stateId: 'ASC' } }),
      tlaxcalaBody: await repo(Institution).findOneBy({ id: 'MX-OG-29' }),
    };
  }

  async function expectUnchangedAfter(load: () => Promise<unknown>): Promise<ImportProblem[]> {
    const before = await snapshot();
    const problems = await rejected(load);
    expect(await snapshot()).toEqual(before);
    return problems;
  }

  test('metric: an unknown state name', async () => {
    const file = tempFile('metric.csv', metricText().replace('9,Tlaxcala,0.29', '9,Atlantida,0.99'));
    const problems = await expectUnchangedAfter(() => importFormat(subgraph.dataSource, metric, [file]));
    expect(problems).toEqual([
      { file: 'metric.csv', row: 10, field: 'estado', value: 'Atlantida', reason: 'is not the name of a Mexican state' },
    ]);
  });

  test('metric: a non-numeric index and a score above 1', async () => {
    const file = tempFile('metric.csv', metricText().replace('9,Tlaxcala,0.29,0.39', '9,Tlaxcala,n.a.,3.9'));
    const problems = await expectUnchangedAfter(() => importFormat(subgraph.dataSource, metric, [file]));
    expect(problems).toEqual([
      { file: 'metric.csv', row: 10, field: 'a', value: 'n.a.', reason: 'is not a score between 0 and 1' },
      { file: 'metric.csv', row: 10, field: 'b', value: '3.9', reason: 'is not a score between 0 and 1' },
    ]);
  });

  test('metric: a missing column', async () => {
    const text = metricText()
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 4)
          .join(','),
      )
      .join('\n');
    const problems = await expectUnchangedAfter(() => importFormat(subgraph.dataSource, metric, [tempFile('metric.csv', text)]));
    expect(problems).toEqual([{ file: 'metric.csv', row: 1, field: 'c', reason: 'required column is missing from the header' }]);
  });

  test('metric: the same state twice', async () => {
    const file = tempFile('metric.csv', metricText().replace('8,Tabasco', '8,Tlaxcala'));
    const problems = await expectUnchangedAfter(() => importFormat(subgraph.dataSource, metric, [file]));
    expect(problems).toEqual([expect.objectContaining({ row: 10, field: 'id', value: '29:2017' })]);
  });

  test('transparency bodies: a JSON document that is not an array', async () => {
    const file = tempFile('inai-data.json', JSON.stringify({ entidad: 'Tlaxcala' }));
    const problems = await expectUnchangedAfter(() => importFormat(subgraph.dataSource, guarantorBodies, [file]));
    expect(problems).toEqual([{ file: 'inai-data.json', path: '$', reason: 'must be an array of transparency bodies' }]);
  });

  test('transparency bodies: invalid JSON, an unknown state, a text count, a fraction of a ten-thousandth', async () => {
    expect(
      await expectUnchangedAfter(() => importFormat(subgraph.dataSource, guarantorBodies, [tempFile('inai-data.json', '[{')])),
    ).toEqual([expect.objectContaining({ file: 'inai-data.json', reason: expect.stringContaining('not valid JSON') })]);
    const records = guarantorJson();
    records[0].entidad = 'Atlantida';
    records[28].solicitudes_2010 = 'many';
    records[28].presupuesto_2016 = 10923000.00005;
    const problems = await expectUnchangedAfter(() =>
      importFormat(subgraph.dataSource, guarantorBodies, [tempFile('inai-data.json', JSON.stringify(records))]),
    );
    expect(problems).toEqual([
      { file: 'inai-data.json', path: '$[0].entidad', field: 'entidad', value: 'Atlantida', reason: 'is not the name of a Mexican state' },
      expect.objectContaining({ path: '$[28].solicitudes_2010', field: 'solicitudes_2010', value: '"many"' }),
      expect.objectContaining({
        path: '$[28].presupuesto_2016',
        field: 'presupuesto_2016',
        value: '10923000.00005',
        reason: expect.stringContaining('5 decimals'),
      }),
    ]);
  });

  test('budget file: a bad unit code, a missing name, a missing column', async () => {
    const broken = ['id_ramo,desc_ramo,id_ur,desc_ur', '12,Salud,4-0,Unidad', '12,Salud,M7F,'].join('\n');
    const problems = await expectUnchangedAfter(() =>
      importFormat(subgraph.dataSource, pefInstitutions, [
        PEF_2018,
        tempFile('bad.csv', broken),
        tempFile('short.csv', 'ciclo,id_ramo,desc_ramo\n2018,12,Salud\n'),
      ]),
    );
    // The format reads the newest ciclo first: short.csv (2018) before bad.csv (no ciclo).
    expect(problems).toEqual([
      { file: 'short.csv', row: 1, field: 'id_ur', reason: 'required column is missing from the header' },
      { file: 'short.csv', row: 1, field: 'desc_ur', reason: 'required column is missing from the header' },
      { file: 'bad.csv', row: 2, field: 'id_ur', value: '4-0', reason: 'is not a responsible-unit code (3 letters or digits)' },
      { file: 'bad.csv', row: 3, field: 'desc_ur', value: '', reason: 'is required' },
    ]);
  });

  test('OCDS: a release that is not an object with parties, a malformed MX-CPA code', async () => {
    const release = JSON.parse(fs.readFileSync(path.join(FEDERAL_OCDS, 'ocds-07smqs-1035-1035.json'), 'utf8'));
    release.parties[0].identifier.id = '6E00';
    const problems = await expectUnchangedAfter(() =>
      importFormat(subgraph.dataSource, ocdsBuyers, [tempFile('list.json', '[]'), tempFile('release.json', JSON.stringify(release))]),
    );
    expect(problems).toEqual([
      { file: 'list.json', path: '$', field: 'parties', reason: 'an OCDS release must be an object with a "parties" array' },
      {
        file: 'release.json',
        path: '$.parties[0].identifier',
        field: 'id',
        value: '6E00',
        reason: 'is not an MX-CPA unit code (2-digit ramo + 3-character unit)',
      },
    ]);
  });

  test('technical secretariats: a date that is not a date', async () => {
    const text = fs
      .readFileSync(path.join(DATA, 'ogp-local/ejercicios_locales.csv'), 'utf8')
      .replace('Tlaxcala,2015-03-09,2015-07-07', 'Tlaxcala,2015-03-09,2015-13-07');
    const problems = await expectUnchangedAfter(() =>
      importFormat(subgraph.dataSource, technicalSecretariats, [tempFile('ejercicios.csv', text)]),
    );
    expect(problems).toEqual([
      { file: 'ejercicios.csv', row: 9, field: 'fecha_instalacion_stl', value: '2015-13-07', reason: 'is not a date (YYYY-MM-DD)' },
    ]);
  });
});

describe('on an empty database', () => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition, { loadSample: false });
  });

  afterAll(async () => {
    await subgraph.close();
  });

  test('a good budget file loaded with a bad one writes nothing', async () => {
    const bad = tempFile('bad.csv', 'id_ramo,desc_ramo,id_ur,desc_ur\n1234,Salud,M7F,Unidad\n');
    const problems = await rejected(() => importFormat(subgraph.dataSource, pefInstitutions, [PEF_2018, bad]));
    expect(problems).toEqual([
      { file: 'bad.csv', row: 2, field: 'id_ramo', value: '1234', reason: 'is not a budget branch number (1 or 2 digits)' },
    ]);
    expect(await subgraph.dataSource.getRepository(Institution).count()).toBe(0);
  });

  test('OCDS buyers and their ramos come from OCDS; the budget file then takes over, and OCDS never overwrites it', async () => {
    await importFormat(subgraph.dataSource, ocdsBuyers, [FEDERAL_OCDS]);
    const query = '{ institution(id: "MX-CPA-20147") { name kind parent { id name } source { dataset file path } } }';
    expect((await subgraph.query(query)).data!.institution).toEqual({
      name: 'delegación SEDESOL en Tabasco',
      kind: 'EXECUTIVE',
      parent: { id: 'MX-RAMO-20', name: 'Desarrollo Social' },
      source: { dataset: 'ocds-mx-federal', file: 'ocds-07smqs-1038-1038.json', path: '$.parties[0]' },
    });
    const repository = subgraph.dataSource.getRepository(Institution);
    expect(await repository.count()).toBe(5 + 4);

    await importFormat(subgraph.dataSource, pefInstitutions, [path.join(DATA, 'shcp-pef/2017.sample.csv')]);
    await importFormat(subgraph.dataSource, ocdsBuyers, [FEDERAL_OCDS]);
    expect((await subgraph.query(query)).data!.institution).toMatchObject({
      name: 'Delegación SEDESOL en Tabasco',
      source: { dataset: 'shcp-pef-2017-sample', file: '2017.sample.csv', path: null },
    });
    // 20135 is not in the 2017 file, so its OCDS name stays.
    expect((await repository.findOneByOrFail({ id: 'MX-CPA-20135' })).source.dataset).toBe('ocds-mx-federal');
  });
});
