import { definition } from '../../../subgraphs/archives/definition';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { CATALOGUE_DIR, csvObjects, tableCounts } from './fixtures';

const seriesCsv = csvObjects(CATALOGUE_DIR, 'cadido_series.csv');

describe('archives: classification chart and disposition catalogue', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition);
  });
  afterAll(() => subgraph.close());

  it('loads 15 sections, 113 series and 28 subseries', async () => {
    expect(await tableCounts(subgraph)).toMatchObject({ sections: 15, series: 113, subseries: 28 });
    const result = await subgraph.query('{ classificationSections { code kind } classificationSeriesList { totalCount } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.classificationSections).toHaveLength(15);
    expect(result.data!.classificationSections.filter((s: { kind: string }) => s.kind === 'COMMON')).toHaveLength(12);
    expect(result.data!.classificationSeriesList.totalCount).toBe(113);
  });

  it('answers 05C.14 (Cuentas por liquidar certificadas): retention 2 + 3 years, DESTROY, administrative and accounting', async () => {
    const result = await subgraph.query(`{
      classificationSeries(code: "05C.14") {
        code title section { code title kind }
        retention { activeYears semiActiveYears totalYears }
        finalDisposition documentaryValues samplingCriterion subseries { code }
        source { dataset file row publisher }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.classificationSeries).toEqual({
      code: '05C.14',
      title: 'Cuentas por liquidar certificadas',
      section: { code: '05C', title: 'Recursos financieros', kind: 'COMMON' },
      retention: { activeYears: 2, semiActiveYears: 3, totalYears: 5 },
      finalDisposition: 'DESTROY',
      documentaryValues: ['ADMINISTRATIVE', 'ACCOUNTING'],
      samplingCriterion: null,
      subseries: [],
      source: {
        dataset: 'sre-cadido',
        file: 'cadido_series.csv',
        row: seriesCsv.findIndex((row) => row.series_code === '05C.14') + 2,
        publisher: 'Secretaría de Relaciones Exteriores (facts re-typed as CSV)',
      },
    });
  });

  it('gives a series its subseries and a sampling criterion, and a substantive section its series', async () => {
    const result = await subgraph.query(`{
      classificationSeries(code: "06C.04") { finalDisposition subseries { code title } }
      classificationSection(code: "03S") { kind series(first: 3) { totalCount edges { node { code } } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.classificationSeries.finalDisposition).toBe('SAMPLE');
    expect(result.data!.classificationSeries.subseries.map((s: { code: string }) => s.code)).toEqual([
      '06C.04.01',
      '06C.04.02',
      '06C.04.03',
    ]);
    expect(result.data!.classificationSection.kind).toBe('SUBSTANTIVE');
    expect(result.data!.classificationSection.series.totalCount).toBe(seriesCsv.filter((row) => row.section_code === '03S').length);
    expect(result.data!.classificationSection.series.edges).toHaveLength(3);
  });

  it('returns null for an unknown series or section', async () => {
    const result = await subgraph.query('{ classificationSeries(code: "99C.99") { code } classificationSection(code: "99C") { code } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ classificationSeries: null, classificationSection: null });
  });

  it.each([
    ['finalDisposition: DESTROY', (row: Record<string, string>) => row.destino_final_tecnica_seleccion === 'Eliminación'],
    ['finalDisposition: PRESERVE', (row: Record<string, string>) => row.destino_final_tecnica_seleccion === 'Conservación'],
    ['finalDisposition: SAMPLE', (row: Record<string, string>) => row.destino_final_tecnica_seleccion === 'Muestreo'],
    ['documentaryValue: LEGAL', (row: Record<string, string>) => row.valores_documentales.split(';').includes('Legal')],
    ['documentaryValue: ACCOUNTING', (row: Record<string, string>) => row.valores_documentales.split(';').includes('Contable')],
    [
      'sectionCode: "05C", documentaryValue: ACCOUNTING',
      (row: Record<string, string>) => row.section_code === '05C' && row.valores_documentales.split(';').includes('Contable'),
    ],
  ])('filters series by %s as the CSV does', async (filter, expected) => {
    const result = await subgraph.query(
      `{ classificationSeriesList(filter: { ${filter} }, first: 100) { totalCount edges { node { code } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const codes = seriesCsv
      .filter(expected)
      .map((row) => row.series_code)
      .sort();
    expect(result.data!.classificationSeriesList.totalCount).toBe(codes.length);
    expect(result.data!.classificationSeriesList.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(codes);
  });

  it('pages through all 113 series with first/after, in code order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result = await subgraph.query(
        'query($after: String) { classificationSeriesList(first: 50, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { code } } } }',
        { after },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.classificationSeriesList;
      expect(page.totalCount).toBe(113);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e: { node: { code: string } }) => e.node.code));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(seriesCsv.map((row) => row.series_code).sort());
  });

  it('refuses a page larger than the maximum and a cursor it did not issue', async () => {
    const tooLarge = await subgraph.query('{ classificationSeriesList(first: 101) { totalCount } }');
    expect(tooLarge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await subgraph.query('{ classificationSeriesList(after: "not a cursor!") { totalCount } }');
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves ClassificationSeries through _entities by code, null for an unknown code', async () => {
    const result = await subgraph.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on ClassificationSeries { code title retention { activeYears semiActiveYears } }
      } }`,
      {
        representations: [
          { __typename: 'ClassificationSeries', code: '06C.06' },
          { __typename: 'ClassificationSeries', code: 'nope' },
          { __typename: 'ClassificationSeries', code: '05C.14' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { code: '06C.06', title: 'Control de contratos', retention: { activeYears: 5, semiActiveYears: 5 } },
      null,
      { code: '05C.14', title: 'Cuentas por liquidar certificadas', retention: { activeYears: 2, semiActiveYears: 3 } },
    ]);
  });

  it('reads series with their sections and subseries in a fixed number of statements, whatever the page size', async () => {
    const query = (first: number) =>
      subgraph.query(`{ classificationSeriesList(first: ${first}) { edges { node { code section { title } subseries { code } } } } }`);
    const few = await subgraph.statementsDuring(() => query(2));
    const many = await subgraph.statementsDuring(() => query(100));
    expect(many).toBe(few);
  });
});
