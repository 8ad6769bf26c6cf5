import { definition } from '../../../subgraphs/institutions/definition';
import { Institution } from '../../../subgraphs/institutions/entities/institution.entity';
import { GuarantorYear } from '../../../subgraphs/institutions/entities/guarantor-year.entity';
import { OpenGovernmentScore } from '../../../subgraphs/institutions/entities/open-government-score.entity';
import { State } from '../../../subgraphs/institutions/entities/state.entity';
import { TechnicalSecretariat } from '../../../subgraphs/institutions/entities/technical-secretariat.entity';
import { executiveId, guarantorId, ramoId, unitId } from '../../../subgraphs/kit/ids';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { guarantorRecords, pefCodes } from './fixtures';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
});

afterAll(async () => {
  await subgraph.close();
});

async function tableCounts(): Promise<Record<string, number>> {
  const count = (entity: Parameters<TestSubgraph['dataSource']['getRepository']>[0]) => subgraph.dataSource.getRepository(entity).count();
  return {
    states: await count(State),
    institutions: await count(Institution),
    scores: await count(OpenGovernmentScore),
    guarantorYears: await count(GuarantorYear),
    secretariats: await count(TechnicalSecretariat),
  };
}

async function countWhere(filter: string): Promise<number> {
  const result = await subgraph.query(`{ institutions(filter: ${filter}) { totalCount } }`);
  expect(result.errors).toBeUndefined();
  return result.data!.institutions.totalCount;
}

describe('the sample loads with the expected rows', () => {
  test('32 states, 46 ramos and 1,008 units from the two PEF samples, 32 executives, 32 transparency bodies', async () => {
    const { ramos, units } = pefCodes();
    expect(ramos.size).toBe(46);
    expect(units.size).toBe(1008);
    expect(await tableCounts()).toEqual({
      states: 32,
      institutions: 46 + 1008 + 32 + 32,
      scores: 11,
      guarantorYears: 32 * 9,
      secretariats: 7,
    });
    expect(await countWhere('{ order: FEDERAL }')).toBe(ramos.size + units.size);
    expect(await countWhere('{ order: STATE }')).toBe(64);
    expect(await countWhere('{ nameContains: "Poder Ejecutivo" order: STATE }')).toBe(32);
  });

  test('every unit of the budget files exists under its ramo', async () => {
    const { ramos, units } = pefCodes();
    const ids = [...ramos].map(ramoId).concat([...units].map(unitId));
    const rows = await subgraph.dataSource.getRepository(Institution).findBy({ order: 'FEDERAL' as Institution['order'] });
    expect(rows.map((row) => row.id).sort()).toEqual(ids.sort());
    for (const row of rows.filter((r) => r.id.startsWith('MX-CPA-'))) expect(row.parentId).toBe(ramoId(row.id.slice(7, 9)));
  });

  test('loading the sample again changes nothing (idempotent)', async () => {
    const before = await tableCounts();
    await definition.loadSample(subgraph.dataSource, subgraph.config);
    expect(await tableCounts()).toEqual(before);
    const result = await subgraph.query('{ institution(id: "MX-CPA-42700") { name source { dataset row } } }');
    expect(result.data!.institution).toEqual({
      name: 'Órgano Interno de Control',
      source: { dataset: 'shcp-pef-2018-sample', row: expect.any(Number) },
    });
  });
});

describe('states', () => {
  test('Tlaxcala: codes, 2017 metric, guarantor body, executive, technical secretariat', async () => {
    const result = await subgraph.query(`{
      state(id: "29") {
        id isoCode name source { dataset file path }
        openGovernmentMetric { year index transparency participation source { dataset file row } }
        guarantorBody { id name acronym kind order website state { id } }
        executive { id name kind order state { id } }
        technicalSecretariat { installedOn state { id } members { sector name institution { id } } source { dataset row } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const state = result.data!.state;
    expect(state).toMatchObject({ id: '29', isoCode: 'MX-TLA', name: 'Tlaxcala' });
    expect(state.source).toEqual({ dataset: 'inegi-states', file: 'subgraphs/kit/states.ts', path: 'STATES[28]' });
    expect(state.openGovernmentMetric).toEqual([
      {
        year: 2017,
        index: 0.29,
        transparency: 0.39,
        participation: 0.19,
        source: { dataset: 'metrica-gobierno-abierto-2017', file: 'indicadores_estatales_datos.csv', row: 10 },
      },
    ]);
    expect(state.guarantorBody).toEqual({
      id: 'MX-OG-29',
      name: 'Comisión de Acceso a la Información Pública y Protección de Datos Personales del Estado de Tlaxcala',
      acronym: 'CAIPTLAX',
      kind: 'AUTONOMOUS',
      order: 'STATE',
      website: 'http://www.caip-tlax.org.mx/',
      state: { id: '29' },
    });
    expect(state.executive).toEqual({
      id: 'MX-GOB-29',
      name: 'Poder Ejecutivo del Estado de Tlaxcala',
      kind: 'EXECUTIVE',
      order: 'STATE',
      state: { id: '29' },
    });
    expect(state.technicalSecretariat).toEqual({
      installedOn: '2015-07-07',
      state: { id: '29' },
      members: [
        { sector: 'GOVERNMENT', name: 'Poder Ejecutivo del Estado de Tlaxcala', institution: { id: 'MX-GOB-29' } },
        { sector: 'GUARANTOR_BODY', name: state.guarantorBody.name, institution: { id: 'MX-OG-29' } },
        { sector: 'CIVIL_SOCIETY', name: 'Civil-society representatives (not named in the source)', institution: null },
      ],
      source: { dataset: 'inai-pal-local', row: 9 },
    });
  });

  test('metric names are resolved ("Mexico", "San Luis Potosi") and the national row is separate', async () => {
    const result = await subgraph.query(`{
      mexico: state(id: "15") { openGovernmentMetric { index transparency participation } }
      slp: state(id: "24") { openGovernmentMetric { index } }
      jalisco: state(id: "14") { openGovernmentMetric { index } }
      nationalOpenGovernmentMetric { year index transparency participation source { row } }
    }`);
    expect(result.data).toEqual({
      mexico: { openGovernmentMetric: [{ index: 0.44, transparency: 0.58, participation: 0.3 }] },
      slp: { openGovernmentMetric: [{ index: 0.36 }] },
      jalisco: { openGovernmentMetric: [] },
      nationalOpenGovernmentMetric: [{ year: 2017, index: 0.39, transparency: 0.5, participation: 0.28, source: { row: 12 } }],
    });
  });

  test('every state has its guarantor body and executive; seven have a technical secretariat', async () => {
    const result = await subgraph.query(
      '{ states(first: 32) { edges { node { id guarantorBody { id } executive { id } technicalSecretariat { installedOn } } } } }',
    );
    const nodes: {
      id: string;
      guarantorBody: { id: string };
      executive: { id: string };
      technicalSecretariat: { installedOn: string } | null;
    }[] = result.data!.states.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes).toHaveLength(32);
    for (const node of nodes) {
      expect(node.guarantorBody.id).toBe(guarantorId(node.id));
      expect(node.executive.id).toBe(executiveId(node.id));
    }
    expect(nodes.filter((n) => n.technicalSecretariat).map((n) => n.id)).toEqual(['04', '10', '19', '24', '26', '29', '30']);
    const list = await subgraph.query('{ technicalSecretariats { state { name } installedOn } }');
    expect(list.data!.technicalSecretariats).toHaveLength(7);
    expect(list.data!.technicalSecretariats).toContainEqual({ state: { name: 'Nuevo León' }, installedOn: '2016-11-18' });
  });
});

describe('institutions', () => {
  test('kinds by ramo, inherited by units', async () => {
    const ids = [
      'MX-RAMO-01',
      'MX-RAMO-03',
      'MX-RAMO-12',
      'MX-RAMO-22',
      'MX-RAMO-31',
      'MX-RAMO-32',
      'MX-RAMO-33',
      'MX-RAMO-44',
      'MX-RAMO-52',
      'MX-CPA-12M7F',
    ];
    const result = await subgraph.query(`{ ${ids.map((id, i) => `i${i}: institution(id: "${id}") { kind order }`).join(' ')} }`);
    expect(Object.values(result.data!).map((i) => (i as { kind: string }).kind)).toEqual([
      'LEGISLATIVE',
      'JUDICIAL',
      'EXECUTIVE',
      'AUTONOMOUS',
      'JUDICIAL',
      'JUDICIAL',
      'OTHER',
      'AUTONOMOUS',
      'OTHER',
      'EXECUTIVE',
    ]);
    expect(await countWhere('{ kind: AUTONOMOUS, order: STATE }')).toBe(32);
    const { unitsOf } = pefCodes();
    const autonomousRamos = ['22', '35', '40', '41', '42', '43', '44'];
    expect(await countWhere('{ kind: AUTONOMOUS, order: FEDERAL }')).toBe(autonomousRamos.length + autonomousRamos.flatMap(unitsOf).length);
  });

  test('a responsible unit: name, parent, identifiers, provenance', async () => {
    const result = await subgraph.query(`{
      institution(id: "MX-CPA-12M7F") {
        id name acronym kind order state { id } identifiers { scheme id } website validFrom validTo successor { id }
        parent { id name identifiers { scheme id } }
        source { dataset file row path }
      }
    }`);
    expect(result.data!.institution).toEqual({
      id: 'MX-CPA-12M7F',
      name: 'Instituto Nacional de Psiquiatría Ramón de la Fuente Muñiz',
      acronym: null,
      kind: 'EXECUTIVE',
      order: 'FEDERAL',
      state: null,
      identifiers: [{ scheme: 'MX-CPA', id: '12M7F' }],
      website: null,
      validFrom: null,
      validTo: null,
      successor: null,
      parent: { id: 'MX-RAMO-12', name: 'Salud', identifiers: [{ scheme: 'MX-RAMO', id: '12' }] },
      source: { dataset: 'shcp-pef-2018-sample', file: '2018.sample.csv', row: expect.any(Number), path: null },
    });
  });

  test('INAI (MX-RAMO-44) exists, the 2018 name wins, units only in 2017 keep the 2017 source', async () => {
    const result = await subgraph.query(`{
      inai: institution(id: "MX-RAMO-44") { name kind }
      tfja: institution(id: "MX-RAMO-32") { name }
      tabasco: institution(id: "MX-CPA-20147") { name source { dataset } }
      mexico: institution(id: "MX-CPA-20135") { name source { dataset } }
    }`);
    expect(result.data).toEqual({
      inai: { name: 'Instituto Nacional de Transparencia, Acceso a la Información y Protección de Datos Personales', kind: 'AUTONOMOUS' },
      // 2017 writes it with a non-breaking space; names are stored with plain single spaces.
      tfja: { name: 'Tribunal Federal de Justicia Administrativa' },
      tabasco: { name: 'Delegación SEDESOL en Tabasco', source: { dataset: 'shcp-pef-2017-sample' } },
      mexico: { name: 'Delegación SEDESOL en México', source: { dataset: 'shcp-pef-2018-sample' } },
    });
  });

  test('children of a ramo are a connection', async () => {
    const { unitsOf } = pefCodes();
    const expected = unitsOf('44').map(unitId).sort();
    const result = await subgraph.query(
      '{ institution(id: "MX-RAMO-44") { children(first: 100) { totalCount pageInfo { hasNextPage } edges { node { id parent { id } } } } } }',
    );
    const children = result.data!.institution.children;
    expect(children.totalCount).toBe(expected.length);
    expect(children.pageInfo.hasNextPage).toBe(false);
    expect(children.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(expected);
    const first = await subgraph.query(
      '{ institution(id: "MX-RAMO-12") { children(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }',
    );
    const page = first.data!.institution.children;
    expect(page.edges).toHaveLength(2);
    expect(page.totalCount).toBe(unitsOf('12').length);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await subgraph.query(
      `{ institution(id: "MX-RAMO-12") { children(first: 2, after: "${page.pageInfo.endCursor}") { edges { node { id } } } } }`,
    );
    const seen = [...page.edges, ...next.data!.institution.children.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(seen).size).toBe(4);
  });

  test("transparency bodies' statistics equal the JSON, budgets exact in centavos", async () => {
    const records = guarantorRecords();
    let expected = 0n;
    for (const record of records) {
      for (const [key, value] of Object.entries(record))
        if (key.startsWith('presupuesto_') && typeof value === 'number') expected += BigInt(value) * 100n;
    }
    const result = await subgraph.query(
      '{ institutions(first: 100, filter: { kind: AUTONOMOUS, order: STATE }) { edges { node { id guarantorStatistics { year informationRequests appeals budget } } } } }',
    );
    let total = 0n;
    for (const edge of result.data!.institutions.edges) {
      for (const year of edge.node.guarantorStatistics) if (year.budget !== null) total += BigInt(year.budget.replace('.', ''));
    }
    expect(total).toBe(expected);
    const tamaulipas = result.data!.institutions.edges.find((e: { node: { id: string } }) => e.node.id === 'MX-OG-28').node;
    // "sd" (sin dato) in the source is no figure, like null.
    expect(tamaulipas.guarantorStatistics.find((y: { year: number }) => y.year === 2008)).toEqual({
      year: 2008,
      informationRequests: null,
      appeals: 1,
      budget: null,
    });
    expect(tamaulipas.guarantorStatistics.find((y: { year: number }) => y.year === 2016)).toEqual({
      year: 2016,
      informationRequests: null,
      appeals: null,
      budget: '4635000.00',
    });
  });
});
