import { useClock } from '../../../subgraphs/archives/clock';
import { definition } from '../../../subgraphs/archives/definition';
import { RecordSubject, RecordSubjectKind, recordSubjectRowId } from '../../../subgraphs/archives/entities/record-subject.entity';
import { addYears } from '../../../subgraphs/archives/retention';
import { commitmentId } from '../../../subgraphs/kit/ids';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { CATALOGUE_DIR, RECORDS_DIR, csvObjects, lineOf } from './fixtures';

const TLAXCALA_COMMITMENT = 'MX-TLA-PAL-2016-03';
const RESERVED = 'MX-GOB-29/10C.06/0004/2022';
const CONFIDENTIAL = 'MX-CPA-20147/06C.14/0088/2017';
const recordsCsv = csvObjects(RECORDS_DIR, 'records.csv');
const seriesCsv = csvObjects(CATALOGUE_DIR, 'cadido_series.csv');

const fixedDay = (isoDate: string) => useClock(() => new Date(`${isoDate}T12:00:00Z`));

interface PhaseNode {
  node: { id: string; phase: string };
}

describe('archives: records (expedientes)', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition);
  });
  beforeEach(() => fixedDay('2024-06-01'));
  afterAll(async () => {
    useClock(null);
    await subgraph.close();
  });

  it('loads the illustrative records, each pointing at its CSV line', async () => {
    const result = await subgraph.query(
      '{ records(first: 100) { totalCount edges { node { id source { dataset file row illustrative } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.records.totalCount).toBe(recordsCsv.length);
    expect(recordsCsv.length).toBe(13);
    for (const { node } of result.data!.records.edges) {
      const [institutionId] = node.id.split('/');
      const code = node.id.slice(institutionId.length + 1);
      expect(node.source).toEqual({
        dataset: 'illustrative',
        file: 'records.csv',
        row: lineOf(RECORDS_DIR, 'records.csv', `${institutionId},${code},`),
        illustrative: true,
      });
    }
  });

  it('answers one public record in full', async () => {
    const result = await subgraph.query(`{
      record(id: "MX-CPA-20147/05C.14/5131/2017") {
        id code title institution { id } series { code } openedOn closedOn access reservedUntil legalBasis
        transferDueOn dispositionDueOn phase documents { title kind date } subjects { kind id }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.record).toEqual({
      id: 'MX-CPA-20147/05C.14/5131/2017',
      code: '05C.14/5131/2017',
      title: 'Cuenta por liquidar certificada del pago de la factura 670592',
      institution: { id: 'MX-CPA-20147' },
      series: { code: '05C.14' },
      openedOn: '2017-07-25',
      closedOn: '2017-07-31',
      access: 'PUBLIC',
      reservedUntil: null,
      legalBasis: null,
      transferDueOn: '2019-07-31',
      dispositionDueOn: '2022-07-31',
      phase: 'DISPOSED',
      documents: [{ title: 'Cuenta por liquidar certificada del pago de la factura 670592', kind: 'PAYMENT_ORDER', date: '2017-07-26' }],
      subjects: [
        { kind: 'CONTRACT', id: 'ocds-07smqs-1109/201720005131' },
        { kind: 'TRANSACTION', id: 'ocds-07smqs-1109/201720005131/20P002/Ejercido' },
        { kind: 'TRANSACTION', id: 'ocds-07smqs-1109/201720005131/20P002/Pagado' },
      ],
    });
  });

  it('returns null for an unknown record id', async () => {
    const result = await subgraph.query('{ record(id: "MX-GOB-29/nope") { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.record).toBeNull();
  });

  it('derives every dispositionDueOn as closedOn + active + semi-active years of the series (null while open)', async () => {
    const result = await subgraph.query('{ records(first: 100) { edges { node { id closedOn dispositionDueOn transferDueOn } } } }');
    const retention = new Map(
      seriesCsv.map((row) => [row.series_code, [Number(row.years_tramite_AT), Number(row.years_concentracion_AC)]]),
    );
    for (const row of recordsCsv) {
      const node = result.data!.records.edges.find((e: { node: { id: string } }) => e.node.id === `${row.institution_id}/${row.code}`).node;
      const [active, semiActive] = retention.get(row.series_code)!;
      expect(node.closedOn).toBe(row.closed_on || null);
      expect(node.transferDueOn).toBe(row.closed_on ? addYears(row.closed_on, active) : null);
      expect(node.dispositionDueOn).toBe(row.closed_on ? addYears(row.closed_on, active + semiActive) : null);
    }
  });

  it('derives the phase from the injected clock', async () => {
    const phaseOf = async (id: string) => (await subgraph.query(`{ record(id: "${id}") { phase } }`)).data!.record.phase;
    // 05C.14 (2 + 3 years, DESTROY) closed 2018-12-31.
    const clc = 'MX-GOB-29/05C.14/0217/2018';
    fixedDay('2019-01-01');
    expect(await phaseOf(clc)).toBe('ACTIVE');
    fixedDay('2020-12-31');
    expect(await phaseOf(clc)).toBe('SEMI_ACTIVE');
    fixedDay('2023-12-30');
    expect(await phaseOf(clc)).toBe('SEMI_ACTIVE');
    fixedDay('2023-12-31');
    expect(await phaseOf(clc)).toBe('DISPOSED');
    // 03C.18 (1 + 4 years, SAMPLE) closed 2017-12-29: past retention it is HISTORICAL, not DISPOSED.
    fixedDay('2024-06-01');
    expect(await phaseOf('MX-GOB-29/03C.18/0001/2017')).toBe('HISTORICAL');
    // An open record stays ACTIVE whatever the date.
    fixedDay('2090-01-01');
    expect(await phaseOf('MX-GOB-29/03C.20/0003/2018')).toBe('ACTIVE');
  });

  it('filters by phase in the query itself: pages stay exact and the phases partition the records', async () => {
    const all = await subgraph.query('{ records(first: 100) { edges { node { id phase } } } }');
    const expected = new Map<string, string[]>();
    for (const { node } of all.data!.records.edges as PhaseNode[]) expected.set(node.phase, [...(expected.get(node.phase) ?? []), node.id]);
    expect(Object.fromEntries([...expected].map(([phase, ids]) => [phase, ids.length]))).toEqual({
      ACTIVE: 3,
      SEMI_ACTIVE: 4,
      HISTORICAL: 1,
      DISPOSED: 5,
    });
    for (const phase of ['ACTIVE', 'SEMI_ACTIVE', 'HISTORICAL', 'DISPOSED']) {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { data?: Record<string, any> | null } = await subgraph.query(
          'query($phase: RecordPhase!, $after: String) { records(filter: { phase: $phase }, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id phase } } } }',
          { phase, after },
        );
        const connection = page.data!.records;
        expect(connection.totalCount).toBe(expected.get(phase)!.length);
        for (const { node } of connection.edges as PhaseNode[]) {
          expect(node.phase).toBe(phase);
          ids.push(node.id);
        }
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(ids).toEqual(expected.get(phase));
    }
  });

  it.each([
    ['institutionId: "MX-GOB-29"', (row: Record<string, string>) => row.institution_id === 'MX-GOB-29'],
    ['seriesCode: "05C.14"', (row: Record<string, string>) => row.series_code === '05C.14'],
    ['access: PUBLIC', (row: Record<string, string>) => row.access === 'PUBLIC'],
    [
      'institutionId: "MX-CPA-20147", seriesCode: "06C.06"',
      (row: Record<string, string>) => row.institution_id === 'MX-CPA-20147' && row.series_code === '06C.06',
    ],
  ])('filters records by %s as the CSV does', async (filter, expected) => {
    const result = await subgraph.query(`{ records(filter: { ${filter} }, first: 100) { totalCount edges { node { id } } } }`);
    expect(result.errors).toBeUndefined();
    const ids = recordsCsv
      .filter(expected)
      .map((row) => `${row.institution_id}/${row.code}`)
      .sort();
    expect(result.data!.records.totalCount).toBe(ids.length);
    expect(result.data!.records.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids);
  });

  it('filters records by the subject they document (public ones: the reserved audit file names no subject)', async () => {
    const result = await subgraph.query(`{
      commitment: records(filter: { subjectId: "${TLAXCALA_COMMITMENT}" }) { totalCount }
      paid: records(filter: { subjectId: "ocds-07smqs-1109/201720005131/20P002/Pagado" }) { edges { node { id series { code } } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.commitment.totalCount).toBe(3);
    expect(result.data!.paid.edges).toEqual([{ node: { id: 'MX-CPA-20147/05C.14/5131/2017', series: { code: '05C.14' } } }]);
  });

  it('pages records with first/after and refuses a page over the maximum', async () => {
    const first = await subgraph.query('{ records(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }');
    expect(first.data!.records.pageInfo.hasNextPage).toBe(true);
    const rest = await subgraph.query(
      'query($after: String) { records(first: 100, after: $after) { pageInfo { hasNextPage hasPreviousPage } edges { node { id } } } }',
      {
        after: first.data!.records.pageInfo.endCursor,
      },
    );
    expect(rest.data!.records.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(first.data!.records.edges.length + rest.data!.records.edges.length).toBe(13);
    const tooLarge = await subgraph.query('{ records(first: 1000) { totalCount } }');
    expect(tooLarge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('reserved and confidential records show that they exist, never what they are about', () => {
    const restricted = { title: null, documents: [] };

    it('through record(id)', async () => {
      const result = await subgraph.query(`{
        reserved: record(id: "${RESERVED}") { code access reservedUntil legalBasis series { code } title documents { title } }
        confidential: record(id: "${CONFIDENTIAL}") { code access reservedUntil legalBasis series { code } title documents { title } }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data!.reserved).toEqual({
        code: '10C.06/0004/2022',
        access: 'RESERVED',
        reservedUntil: '2027-02-28',
        legalBasis: 'Art. 113 fr. VI LGTAIP (auditoría en curso); acuerdo del Comité de Transparencia',
        series: { code: '10C.06' },
        ...restricted,
      });
      expect(result.data!.confidential).toMatchObject({
        access: 'CONFIDENTIAL',
        reservedUntil: null,
        series: { code: '06C.14' },
        ...restricted,
      });
      expect(result.data!.confidential.legalBasis).toMatch(/^Art\. 116/);
    });

    it('through the records list, and only the restricted ones', async () => {
      const result = await subgraph.query('{ records(first: 100) { edges { node { id access title documents { title } } } } }');
      for (const { node } of result.data!.records.edges) {
        if (node.access === 'PUBLIC') expect(node.title).not.toBeNull();
        else expect(node).toMatchObject(restricted);
      }
      const hidden = result.data!.records.edges.filter((e: { node: { access: string } }) => e.node.access !== 'PUBLIC');
      expect(hidden.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([CONFIDENTIAL, RESERVED]);
    });

    it("through a series' records and an institution's records", async () => {
      const result = await subgraph.query(`{
        classificationSeries(code: "10C.06") { records { edges { node { id title documents { title } } } } }
        _entities(representations: [{ __typename: "Institution", id: "MX-CPA-20147" }]) {
          ... on Institution { records(first: 100) { edges { node { id title documents { title } } } } }
        }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data!.classificationSeries.records.edges).toEqual([{ node: { id: RESERVED, ...restricted } }]);
      const confidential = result.data!._entities[0].records.edges.find((e: { node: { id: string } }) => e.node.id === CONFIDENTIAL);
      expect(confidential.node).toEqual({ id: CONFIDENTIAL, ...restricted });
    });

    it('through _entities for Record, its subjects included', async () => {
      const result = await subgraph.query(
        `query($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on Record { id access legalBasis series { code } title documents { title } subjects { kind id } }
        } }`,
        {
          representations: [
            { __typename: 'Record', id: RESERVED },
            { __typename: 'Record', id: CONFIDENTIAL },
          ],
        },
      );
      expect(result.errors).toBeUndefined();
      const [reserved, confidential] = result.data!._entities;
      expect(reserved).toEqual({
        id: RESERVED,
        access: 'RESERVED',
        legalBasis: expect.stringMatching(/^Art\. 113/),
        series: { code: '10C.06' },
        ...restricted,
        subjects: [],
      });
      expect(confidential).toMatchObject({ id: CONFIDENTIAL, access: 'CONFIDENTIAL', ...restricted, subjects: [] });
    });

    it('through subjects: a hidden record names no subject, by record(id) or by the records list', async () => {
      const result = await subgraph.query(`{
        reserved: record(id: "${RESERVED}") { subjects { kind id } }
        public: record(id: "MX-GOB-29/05C.14/0217/2018") { subjects { kind id } }
        records(first: 100) { edges { node { id access subjects { id } } } }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data!.reserved.subjects).toEqual([]);
      expect(result.data!.public.subjects.length).toBeGreaterThan(0);
      for (const { node } of result.data!.records.edges) {
        if (node.access !== 'PUBLIC') expect(node.subjects).toEqual([]);
      }
    });

    it('through a subject filter: a hidden record never matches the subject it documents', async () => {
      const result = await subgraph.query(`{
        commitment: records(filter: { subjectId: "${TLAXCALA_COMMITMENT}" }) { totalCount edges { node { id access } } }
        reservedOnly: records(filter: { subjectId: "${TLAXCALA_COMMITMENT}", access: RESERVED }) { totalCount edges { node { id } } }
        program: records(filter: { subjectId: "2018:33I005" }) { edges { node { id access } } }
        contract: records(filter: { subjectId: "ocds-07smqs-1038/201720004247" }) { totalCount edges { node { id } } }
      }`);
      expect(result.errors).toBeUndefined();
      const { commitment, reservedOnly, program, contract } = result.data!;
      expect(commitment.totalCount).toBe(3);
      expect(commitment.edges.every((e: { node: { access: string } }) => e.node.access === 'PUBLIC')).toBe(true);
      expect(reservedOnly).toEqual({ totalCount: 0, edges: [] });
      expect(program.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(RESERVED);
      expect(contract.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(CONFIDENTIAL);
    });

    it('through Commitment.records, Contract.records and Transaction.records: a hidden record is not listed', async () => {
      // The sample links no hidden record to a payment: link the confidential one to a transaction for this test.
      const link = subgraph.dataSource.getRepository(RecordSubject).create({
        id: recordSubjectRowId(CONFIDENTIAL, RecordSubjectKind.TRANSACTION, 'ocds-07smqs-1038/201720004247/1'),
        recordId: CONFIDENTIAL,
        kind: RecordSubjectKind.TRANSACTION,
        subjectId: 'ocds-07smqs-1038/201720004247/1',
        source: { dataset: 'test', file: 'record_subjects.csv' },
      });
      await subgraph.dataSource.getRepository(RecordSubject).save(link);
      try {
        const result = await subgraph.query(
          `query($representations: [_Any!]!) { _entities(representations: $representations) {
            ... on Commitment { records { id access } }
            ... on Contract { records { id access } }
            ... on Transaction { records { id access } }
          } }`,
          {
            representations: [
              { __typename: 'Commitment', id: TLAXCALA_COMMITMENT },
              { __typename: 'Contract', id: 'ocds-07smqs-1038/201720004247' },
              { __typename: 'Transaction', id: 'ocds-07smqs-1038/201720004247/1' },
            ],
          },
        );
        expect(result.errors).toBeUndefined();
        const [commitment, contract, transaction] = result.data!._entities;
        expect(commitment.records.map((r: { id: string }) => r.id)).not.toContain(RESERVED);
        expect(commitment.records).toHaveLength(3);
        expect(contract.records.map((r: { id: string }) => r.id)).not.toContain(CONFIDENTIAL);
        expect(transaction.records).toEqual([]);
        for (const { records } of [commitment, contract]) {
          expect(records.every((r: { access: string }) => r.access === 'PUBLIC')).toBe(true);
        }
      } finally {
        await subgraph.dataSource.getRepository(RecordSubject).delete({ id: link.id });
      }
    });
  });

  describe('_entities', () => {
    const entities = (representations: object[], selection: string) =>
      subgraph.query(`query($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`, {
        representations,
      });

    it('resolves Record by id, null for an unknown id', async () => {
      const result = await entities(
        [
          { __typename: 'Record', id: 'MX-GOB-29/05C.14/0217/2018' },
          { __typename: 'Record', id: 'MX-GOB-29/unknown' },
        ],
        '... on Record { id series { code } institution { id } }',
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([
        { id: 'MX-GOB-29/05C.14/0217/2018', series: { code: '05C.14' }, institution: { id: 'MX-GOB-29' } },
        null,
      ]);
    });

    it('gives Tlaxcala commitment #3 its three public records, in id order (the reserved one does not name it)', async () => {
      const result = await entities(
        [{ __typename: 'Commitment', id: TLAXCALA_COMMITMENT }],
        '... on Commitment { id records { code access series { code retention { activeYears semiActiveYears } } } }',
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities[0]).toEqual({
        id: TLAXCALA_COMMITMENT,
        records: [
          { code: '03C.18/0001/2017', access: 'PUBLIC', series: { code: '03C.18', retention: { activeYears: 1, semiActiveYears: 4 } } },
          { code: '03C.20/0003/2018', access: 'PUBLIC', series: { code: '03C.20', retention: { activeYears: 1, semiActiveYears: 4 } } },
          { code: '05C.14/0217/2018', access: 'PUBLIC', series: { code: '05C.14', retention: { activeYears: 2, semiActiveYears: 3 } } },
        ],
      });
    });

    it('resolves Contract, Transaction and Institution stubs for any id; unknown ids have no records', async () => {
      const result = await entities(
        [
          { __typename: 'Contract', id: 'ocds-07smqs-1109/201720005131' },
          { __typename: 'Transaction', id: 'ocds-07smqs-1109/201720005131/20P002/Pagado' },
          { __typename: 'Transaction', id: 'ocds-07smqs-1109/201720005131/ACCRUED' },
          { __typename: 'Institution', id: 'MX-GOB-29' },
          { __typename: 'Commitment', id: 'MX-XXX-PAL-2099-01' },
        ],
        `... on Contract { id records { id } }
         ... on Transaction { id records { id } }
         ... on Institution { id held: records(first: 2) { totalCount pageInfo { hasNextPage } edges { node { id } } } }
         ... on Commitment { id records { id } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([
        {
          id: 'ocds-07smqs-1109/201720005131',
          records: [{ id: 'MX-CPA-20147/05C.14/5131/2017' }, { id: 'MX-CPA-20147/06C.06/5131/2017' }],
        },
        { id: 'ocds-07smqs-1109/201720005131/20P002/Pagado', records: [{ id: 'MX-CPA-20147/05C.14/5131/2017' }] },
        { id: 'ocds-07smqs-1109/201720005131/ACCRUED', records: [] },
        {
          id: 'MX-GOB-29',
          held: {
            totalCount: 4,
            pageInfo: { hasNextPage: true },
            edges: [{ node: { id: 'MX-GOB-29/03C.18/0001/2017' } }, { node: { id: 'MX-GOB-29/03C.20/0003/2018' } }],
          },
        },
        { id: 'MX-XXX-PAL-2099-01', records: [] },
      ]);
    });

    it('keeps subject kinds apart: a commitment id asked as a contract has no records', async () => {
      const result = await entities([{ __typename: 'Contract', id: TLAXCALA_COMMITMENT }], '... on Contract { records { id } }');
      expect(result.data!._entities).toEqual([{ records: [] }]);
    });
  });

  describe('statement counts (no N+1)', () => {
    const commitmentRecords = (count: number) => {
      const representations = Array.from({ length: count }, (_, i) => ({
        __typename: 'Commitment',
        id: i === 0 ? TLAXCALA_COMMITMENT : commitmentId('MX-TLA-PAL-2016', i + 10),
      }));
      return () =>
        subgraph.query(
          `query($representations: [_Any!]!) { _entities(representations: $representations) {
            ... on Commitment { records { id title phase series { code } subjects { id } } }
          } }`,
          { representations },
        );
    };

    it('costs the same for 100 commitments as for 2: links, records, then series and subjects', async () => {
      const two = await subgraph.statementsDuring(commitmentRecords(2));
      const hundred = await subgraph.statementsDuring(commitmentRecords(100));
      expect(two).toBe(hundred);
      expect(hundred).toBe(4);
    });

    it('costs the same for every record of the list as for two, relations included', async () => {
      const list = (first: number) => () =>
        subgraph.query(`{ records(first: ${first}) { edges { node { id phase series { code section { code } } subjects { id } } } } }`);
      expect(await subgraph.statementsDuring(list(2))).toBe(await subgraph.statementsDuring(list(100)));
    });

    it('pages the records of many institutions and series in one statement pair each', async () => {
      const institutions = (ids: string[]) => () =>
        subgraph.query(
          `query($representations: [_Any!]!) { _entities(representations: $representations) {
            ... on Institution { records(first: 1) { totalCount edges { node { id } } } }
          } }`,
          { representations: ids.map((id) => ({ __typename: 'Institution', id })) },
        );
      const few = await subgraph.statementsDuring(institutions(['MX-GOB-29', 'MX-CPA-20147']));
      const many = await subgraph.statementsDuring(
        institutions(['MX-GOB-29', 'MX-CPA-20147', 'MX-CPA-06E00', 'MX-CPA-12M7F', 'MX-RAMO-05']),
      );
      expect(few).toBe(2);
      expect(many).toBe(few);
    });
  });
});
