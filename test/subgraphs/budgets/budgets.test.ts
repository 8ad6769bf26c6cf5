import { definition } from '../../../subgraphs/budgets/definition';
import { commitmentId, responsibleUnitId } from '../../../subgraphs/kit/ids';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { FILLED, format, amount, groupBy, programId, readRows, sum, type Row } from './expected';

let subgraph: TestSubgraph;
const rows: Record<2017 | 2018, Row[]> = { 2017: readRows(2017), 2018: readRows(2018) };

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
});
afterAll(() => subgraph.close());

interface ProgramNode {
  id: string;
  totals: Record<string, string | null> & { lineCount: number };
}

async function allPrograms(fiscalYear: number): Promise<ProgramNode[]> {
  const nodes: ProgramNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Record<string, any> = await subgraph.data(
      `query($year: Int, $after: String) { budgetPrograms(filter: {fiscalYear: $year}, first: 100, after: $after) {
        edges { node { id totals { approved modified committed accrued exercised paid lineCount } } } pageInfo { hasNextPage endCursor } } }`,
      { year: fiscalYear, after },
    );
    nodes.push(...page.budgetPrograms.edges.map((edge: { node: ProgramNode }) => edge.node));
    if (!page.budgetPrograms.pageInfo.hasNextPage) return nodes;
    after = page.budgetPrograms.pageInfo.endCursor;
  }
}

describe('budget lines and programs from the SHCP files', () => {
  test('one budget line per CSV row: 2186 in 2018, 2614 in 2017', async () => {
    const result = await subgraph.data(`{
      y2018: budgetLines(filter: {fiscalYear: 2018}) { totalCount }
      y2017: budgetLines(filter: {fiscalYear: 2017}) { totalCount }
      all: budgetLines { totalCount }
    }`);
    expect(result.y2018.totalCount).toBe(2186);
    expect(result.y2017.totalCount).toBe(2614);
    expect(result.all.totalCount).toBe(4800);
  });

  test.each([2018, 2017] as const)('every %i program total equals the BigInt sum of its CSV rows', async (year) => {
    const expected = groupBy(rows[year], programId);
    const programs = await allPrograms(year);
    expect(programs.map((p) => p.id).sort()).toEqual([...expected.keys()].sort());
    for (const program of programs) {
      const lines = expected.get(program.id)!;
      expect(program.totals.lineCount).toBe(lines.length);
      for (const [field, column] of FILLED[year])
        expect([program.id, field, program.totals[field]]).toEqual([program.id, field, sum(lines, column)]);
      expect(program.totals.committed).toBeNull();
    }
    // The grand total of the year, through the programs, to the centavo.
    for (const [field, column] of FILLED[year]) {
      const total = programs.reduce((acc, p) => acc + (p.totals[field] === null ? 0n : amount(p.totals[field]!)!), 0n);
      expect(format(total)).toBe(sum(rows[year], column));
    }
  });

  test('2018:33I005 (FORTAMUN): two lines, Hidalgo and Quintana Roo, exact totals', async () => {
    const fortamun = rows[2018].filter((row) => programId(row) === '2018:33I005');
    expect(sum(fortamun, 'monto_aprobado')).toBe('1369724738.00');
    expect(sum(fortamun, 'monto_pagado')).toBe('342431184.00');
    const { budgetProgram } = await subgraph.data(`{ budgetProgram(id: "2018:33I005") {
      id fiscalYear key name ramo { code name } modality { code } institution { id }
      totals { approved modified committed accrued exercised paid executionRate flags lineCount }
      lines { totalCount edges { node { geography state { id } institution { id } source { dataset file row note } } } }
      source { dataset } } }`);
    expect(budgetProgram).toMatchObject({
      id: '2018:33I005',
      fiscalYear: 2018,
      key: '33I005',
      name: 'FORTAMUN',
      ramo: { code: '33' },
      modality: { code: 'I' },
      institution: { id: 'MX-RAMO-33' },
    });
    expect(budgetProgram.totals).toEqual({
      approved: '1369724738.00',
      modified: sum(fortamun, 'monto_modificado'),
      committed: null,
      accrued: null,
      exercised: null,
      paid: '342431184.00',
      executionRate: null,
      flags: ['SAMPLE_DATA'],
      lineCount: 2,
    });
    expect(budgetProgram.lines.totalCount).toBe(2);
    expect(budgetProgram.lines.edges.map((e: any) => [e.node.geography, e.node.state.id, e.node.institution.id])).toEqual([
      ['Hidalgo', '13', 'MX-CPA-33416'],
      ['Quintana Roo', '23', 'MX-CPA-33416'],
    ]);
    expect(budgetProgram.lines.edges[0].node.source).toMatchObject({ dataset: 'shcp-pef-2018-sample', file: '2018.sample.csv' });
    expect(budgetProgram.lines.edges[0].node.source.note).toContain('1 %');
  });

  test('a 2017 line: exercised is monto_ejercicio, objects of expenditure derived from the specific item', async () => {
    const row = rows[2017][0];
    const line = rows[2017].indexOf(row) + 2;
    const { budgetLines } = await subgraph.data(`{ budgetLines(filter: {fiscalYear: 2017, programId: "${programId(row)}"}, first: 100) {
      edges { node { id source { row } amounts { approved modified accrued exercised paid } exercise adefas
        objectOfExpenditure { chapter { code name } concept { code name } genericItem { code name } specificItem { code name } } } } } }`);
    const node = budgetLines.edges.map((e: any) => e.node).find((n: any) => n.source.row === line);
    expect(node.amounts).toEqual({
      approved: sum([row], 'monto_aprobado'),
      modified: sum([row], 'monto_modificado'),
      accrued: sum([row], 'monto_devengado'),
      exercised: sum([row], 'monto_ejercicio'),
      paid: sum([row], 'monto_pagado'),
    });
    expect(node.exercise).toBe(sum([row], 'monto_ejercicio'));
    expect(node.adefas).toBe(sum([row], 'monto_adefas'));
    expect(node.objectOfExpenditure).toEqual({
      chapter: { code: `${row.id_concepto[0]}000`, name: null },
      concept: { code: `${row.id_concepto.slice(0, 2)}00`, name: null },
      genericItem: { code: row.id_concepto.slice(0, 3), name: null },
      specificItem: { code: row.id_concepto, name: row.desc_concepto },
    });
  });

  test('lines abroad or not geographically distributable have no state and say why', async () => {
    const { budgetLines } = await subgraph.data(
      `{ budgetLines(filter: {fiscalYear: 2018}, first: 100) { edges { node { geography state { id } source { row } } } } }`,
    );
    const byLine = new Map(rows[2018].map((row, i) => [i + 2, row]));
    for (const { node } of budgetLines.edges) {
      const row = byLine.get(node.source.row)!;
      const code = Number(row.id_entidad_federativa);
      if (code > 32) {
        expect(node.state).toBeNull();
        expect(node.geography).toMatch(/abroad|not geographically distributable/);
      } else expect(node.state.id).toBe(row.id_entidad_federativa.padStart(2, '0'));
    }
  });

  test('lookups by id, null for unknown ids', async () => {
    const result = await subgraph.data(`{
      program: budgetProgram(id: "2018:33I005") { id }
      noProgram: budgetProgram(id: "2018:99Z999") { id }
      line: budgetLine(id: "2018:33.416.2.2.7.6.I.005.8000.8300.831.83103.1.1.13.0") { id fiscalYear program { id } }
      noLine: budgetLine(id: "nope") { id }
      contract: contract(id: "ocds-07smqs-1109/201720005131") { id ocid title value signedOn buyer { id } suppliers { id name } programs { id } source { dataset file path } }
      noContract: contract(id: "nope") { id }
      transaction: transaction(id: "PC-0001/0/0") { id date moment amount payer { id name } payee { id name } contract { id } source { dataset path } }
      noTransaction: transaction(id: "nope") { id }
    }`);
    expect(result.program.id).toBe('2018:33I005');
    expect(result.noProgram).toBeNull();
    expect(result.line).toEqual({
      id: '2018:33.416.2.2.7.6.I.005.8000.8300.831.83103.1.1.13.0',
      fiscalYear: 2018,
      program: { id: '2018:33I005' },
    });
    expect(result.noLine).toBeNull();
    expect(result.contract).toEqual({
      id: 'ocds-07smqs-1109/201720005131',
      ocid: 'ocds-07smqs-1109',
      title: 'PAGO FACT 670592',
      value: '1109.90',
      signedOn: '2017-07-25',
      buyer: { id: 'MX-CPA-20147' },
      suppliers: [{ id: 'CCS0308152M5', name: expect.stringContaining('COMPUTEL') }],
      programs: [{ id: '2017:20P002' }],
      source: { dataset: 'ocds-mx-federal', file: 'ocds-07smqs-1109-1109.json', path: '$.contracts[0]' },
    });
    expect(result.noContract).toBeNull();
    expect(result.transaction).toEqual({
      id: 'PC-0001/0/0',
      date: '2017-08-24',
      moment: 'PAID',
      amount: '62097.70',
      payer: { id: 'RFC-INA1402082Z8', name: 'INAI' },
      payee: { id: 'RFC-HPR060210B71', name: 'Hectarea Producciones, S. A. de C. V.' },
      contract: { id: 'PC-0001/0' },
      source: { dataset: 'ocds-mx-inai', path: '$.contracts[0].implementation.transactions[0]' },
    });
    expect(result.noTransaction).toBeNull();
  });

  test('federal budget measures become dated-null transactions per moment, linked to the program', async () => {
    const { contract } = await subgraph.data(
      `{ contract(id: "ocds-07smqs-1386/201716004425") { transactions { id moment amount date program { id } payee { id } } } }`,
    );
    expect(contract.transactions.map((t: any) => [t.moment, t.amount, t.date, t.program?.id])).toEqual([
      ['COMMITTED', '885888.61', null, '2017:16K141'],
      ['ACCRUED', '885888.61', null, '2017:16K141'],
      ['EXERCISED', '885888.26', null, '2017:16K141'],
      ['PAID', '885888.26', null, '2017:16K141'],
    ]);
  });
});

describe('connections and filters', () => {
  test('keyset pagination over budget lines', async () => {
    const first = await subgraph.data(
      `{ budgetLines(first: 2) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
    );
    expect(first.budgetLines.edges).toHaveLength(2);
    expect(first.budgetLines.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await subgraph.data(
      `query($after: String) { budgetLines(first: 2, after: $after) { edges { node { id } } pageInfo { hasPreviousPage } } }`,
      {
        after: first.budgetLines.pageInfo.endCursor,
      },
    );
    expect(next.budgetLines.pageInfo.hasPreviousPage).toBe(true);
    expect(next.budgetLines.edges[0].node.id > first.budgetLines.edges[1].node.id).toBe(true);
  });

  test('first above the maximum is BAD_USER_INPUT', async () => {
    const result = await subgraph.query(`{ budgetPrograms(first: 101) { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('budget line filters: state, chapter, institution and ramo', async () => {
    const result = await subgraph.data(`{
      tlaxcala: budgetLines(filter: {fiscalYear: 2018, stateId: "29"}) { totalCount }
      chapter: budgetLines(filter: {fiscalYear: 2018, chapter: "3000"}) { totalCount }
      unit: budgetLines(filter: {institutionId: "MX-CPA-33416"}) { totalCount }
      ramo: budgetLines(filter: {fiscalYear: 2018, institutionId: "MX-RAMO-33"}) { totalCount }
    }`);
    expect(result.tlaxcala.totalCount).toBe(rows[2018].filter((r) => r.id_entidad_federativa === '29').length);
    expect(result.chapter.totalCount).toBe(rows[2018].filter((r) => r.id_capitulo === '3000').length);
    expect(result.unit.totalCount).toBe([...rows[2017], ...rows[2018]].filter((r) => r.id_ramo === '33' && r.id_ur === '416').length);
    expect(result.ramo.totalCount).toBe(rows[2018].filter((r) => r.id_ramo === '33').length);
  });

  test('program and contract filters', async () => {
    const result = await subgraph.data(`{
      search: budgetPrograms(filter: {search: "fortamun"}) { edges { node { id } } }
      ramo: budgetPrograms(filter: {fiscalYear: 2018, ramo: "33", modality: "I"}) { totalCount }
      byProgram: contracts(filter: {programId: "2017:20P002"}) { totalCount }
      byBuyer: contracts(filter: {buyerId: "MX-CPA-20147"}) { totalCount }
      inai: contracts(filter: {buyerId: "MX-RAMO-44", fiscalYear: 2017}) { totalCount }
      all: contracts { totalCount }
    }`);
    expect(result.search.edges.map((e: any) => e.node.id)).toEqual(['2018:33I005']);
    expect(result.ramo.totalCount).toBe(
      new Set(rows[2018].filter((r) => r.id_ramo === '33' && r.id_modalidad === 'I').map(programId)).size,
    );
    expect(result.byProgram.totalCount).toBe(5);
    expect(result.byBuyer.totalCount).toBe(5);
    expect(result.inai.totalCount).toBe(10);
    // 11 federal, 10 INAI, 5 CDMX, 3 Jalisco and 1 GACM contracts.
    expect(result.all.totalCount).toBe(30);
  });
});

describe('allocations and the Commitment, Institution and State extensions', () => {
  const entities = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Commitment { id allocations { basis programKey fiscalYear program { id } scope { state { id } municipality } assigned source { dataset file row } }
      funding { approved modified exercised paid executionRate flags lineCount } contracts { id } transactions { id amount } }
    ... on Institution { id budget(fiscalYear: 2018) { approved modified paid lineCount } budgetLines(first: 1) { totalCount } }
    ... on State { id budget(fiscalYear: 2018) { approved modified paid lineCount flags } }
    ... on BudgetProgram { id name }
    ... on BudgetLine { id }
    ... on Contract { id title }
    ... on Transaction { id amount }
    ... on Allocation { id basis }
  } }`;

  test('Tlaxcala #3: two COMMITMENT_TEXT allocations, funding null because the scope is finer than the data', async () => {
    const { _entities } = await subgraph.data(entities, { representations: [{ __typename: 'Commitment', id: 'MX-TLA-PAL-2016-03' }] });
    const [commitment] = _entities;
    expect(commitment.allocations).toEqual([
      {
        basis: 'COMMITMENT_TEXT',
        programKey: '33I004',
        fiscalYear: 2018,
        program: null,
        assigned: null,
        scope: { state: { id: '29' }, municipality: 'Sanctórum de Lázaro Cárdenas' },
        source: { dataset: 'inai-pal-local', file: 'pal_compromisos.csv', row: 35 },
      },
      {
        basis: 'COMMITMENT_TEXT',
        programKey: '33I005',
        fiscalYear: 2018,
        program: { id: '2018:33I005' },
        assigned: null,
        scope: { state: { id: '29' }, municipality: 'Xicohtzinco' },
        source: { dataset: 'inai-pal-local', file: 'pal_compromisos.csv', row: 35 },
      },
    ]);
    expect(commitment.funding).toEqual({
      approved: null,
      modified: null,
      exercised: null,
      paid: null,
      executionRate: null,
      flags: ['SCOPE_FINER_THAN_DATA'],
      lineCount: 0,
    });
    expect(commitment.contracts).toHaveLength(0);
    expect(commitment.transactions).toHaveLength(0);
  });

  test('a state scope sums only that state; no line in scope gives null amounts, never a wider total', async () => {
    const { _entities } = await subgraph.data(entities, {
      representations: [
        { __typename: 'Commitment', id: 'MX-DUR-PAL-2015-01' },
        { __typename: 'Commitment', id: 'MX-MOR-PAL-2015-06' },
        { __typename: 'Commitment', id: 'MX-XXX-PAL-2099-01' },
      ],
    });
    const durango = rows[2018].filter((r) => programId(r) === '2018:16S074' && r.id_entidad_federativa === '10');
    expect(_entities[0].funding).toMatchObject({
      approved: sum(durango, 'monto_aprobado'),
      paid: sum(durango, 'monto_pagado'),
      lineCount: durango.length,
    });
    expect(_entities[1].funding).toMatchObject({ approved: null, paid: null, lineCount: 0, flags: ['NO_LINES_IN_SCOPE'] });
    expect(_entities[2]).toMatchObject({
      id: 'MX-XXX-PAL-2099-01',
      allocations: [],
      contracts: [],
      funding: { approved: null, flags: ['NO_ALLOCATIONS'] },
    });
  });

  test('a national illustrative allocation reaches contracts and their transactions', async () => {
    const { _entities } = await subgraph.data(entities, { representations: [{ __typename: 'Commitment', id: 'MX-SLP-PAL-2017-03' }] });
    const [commitment] = _entities;
    const lines = rows[2017].filter((r) => ['2017:20S176', '2017:20P002'].includes(programId(r)));
    expect(commitment.funding).toMatchObject({
      paid: sum(lines, 'monto_pagado'),
      exercised: sum(lines, 'monto_ejercicio'),
      lineCount: lines.length,
    });
    expect(commitment.allocations.every((a: any) => a.basis === 'ILLUSTRATIVE' && a.scope === null)).toBe(true);
    expect(commitment.contracts).toHaveLength(7);
    expect(commitment.transactions).toHaveLength(28);
    expect(commitment.transactions.find((t: any) => t.id === 'ocds-07smqs-1109/201720005131/20P002/Pagado').amount).toBe('1109.90');
  });

  test('Institution and State budgets equal the CSV sums', async () => {
    const { _entities } = await subgraph.data(entities, {
      representations: [
        { __typename: 'Institution', id: 'MX-CPA-33416' },
        { __typename: 'Institution', id: 'MX-RAMO-33' },
        { __typename: 'Institution', id: 'MX-GOB-29' },
        { __typename: 'State', id: '29' },
      ],
    });
    const unit = rows[2018].filter((r) => r.id_ramo === '33' && r.id_ur === '416');
    const ramo = rows[2018].filter((r) => r.id_ramo === '33');
    const tlaxcala = rows[2018].filter((r) => r.id_entidad_federativa === '29');
    expect(_entities[0].budget).toEqual({
      approved: sum(unit, 'monto_aprobado'),
      modified: sum(unit, 'monto_modificado'),
      paid: sum(unit, 'monto_pagado'),
      lineCount: unit.length,
    });
    expect(_entities[1].budget).toEqual({
      approved: sum(ramo, 'monto_aprobado'),
      modified: sum(ramo, 'monto_modificado'),
      paid: sum(ramo, 'monto_pagado'),
      lineCount: ramo.length,
    });
    expect(_entities[1].budgetLines.totalCount).toBe([...rows[2017], ...rows[2018]].filter((r) => r.id_ramo === '33').length);
    expect(_entities[2].budget).toEqual({ approved: null, modified: null, paid: null, lineCount: 0 });
    expect(_entities[3].budget).toMatchObject({
      approved: sum(tlaxcala, 'monto_aprobado'),
      paid: sum(tlaxcala, 'monto_pagado'),
      lineCount: tlaxcala.length,
    });
  });

  test('_entities resolves every owned entity, null for unknown ids', async () => {
    const { _entities } = await subgraph.data(entities, {
      representations: [
        { __typename: 'BudgetProgram', id: '2018:33I005' },
        { __typename: 'BudgetLine', id: '2018:33.416.2.2.7.6.I.005.8000.8300.831.83103.1.1.13.0' },
        { __typename: 'Contract', id: 'PC-0001/0' },
        { __typename: 'Transaction', id: 'PC-0001/0/0' },
        { __typename: 'Allocation', id: 'MX-TLA-PAL-2016-03/2018:33I005@29/Xicohtzinco' },
        { __typename: 'BudgetProgram', id: 'nope' },
        { __typename: 'Contract', id: 'nope' },
        { __typename: 'Allocation', id: 'nope' },
      ],
    });
    expect(_entities.slice(0, 5).map((e: any) => e.id)).toEqual([
      '2018:33I005',
      '2018:33.416.2.2.7.6.I.005.8000.8300.831.83103.1.1.13.0',
      'PC-0001/0',
      'PC-0001/0/0',
      'MX-TLA-PAL-2016-03/2018:33I005@29/Xicohtzinco',
    ]);
    expect(_entities[3].amount).toBe('62097.70');
    expect(_entities.slice(5)).toEqual([null, null, null]);
  });

  test('allocations filter by commitment and program', async () => {
    const result = await subgraph.data(`{
      tla: allocations(filter: {commitmentId: "MX-TLA-PAL-2016-03"}) { id }
      fortamun: allocations(filter: {programId: "2018:33I005"}) { id commitment { id } funding { flags } }
      all: allocations { id }
    }`);
    expect(result.tla).toHaveLength(2);
    expect(result.fortamun).toEqual([
      {
        id: 'MX-TLA-PAL-2016-03/2018:33I005@29/Xicohtzinco',
        commitment: { id: 'MX-TLA-PAL-2016-03' },
        funding: { flags: ['SCOPE_FINER_THAN_DATA'] },
      },
    ]);
    expect(result.all).toHaveLength(6);
  });
});

describe('no N+1: statements do not grow with the list', () => {
  const commitments = (ids: string[]) => ids.map((id) => ({ __typename: 'Commitment', id }));
  const known = ['MX-TLA-PAL-2016-03', 'MX-SLP-PAL-2017-03', 'MX-DUR-PAL-2015-01', 'MX-MOR-PAL-2015-06'];
  const many = [...known, ...Array.from({ length: 96 }, (_, i) => commitmentId('MX-AGU-PAL-2016', i))];
  const commitmentQuery = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Commitment {
    id funding { approved flags } allocations { basis program { id totals { approved } } funding { paid } }
    contracts { id buyer { id } programs { id } transactions { amount program { id } } } transactions { id } } } }`;

  test('funding, allocations, contracts and transactions for 100 commitments cost the same as for 2', async () => {
    const two = await subgraph.statementsDuring(() => subgraph.data(commitmentQuery, { representations: commitments(known.slice(0, 2)) }));
    const hundred = await subgraph.statementsDuring(() => subgraph.data(commitmentQuery, { representations: commitments(many) }));
    expect(hundred).toBe(two);
  });

  test('a page of programs with totals, lines and contracts costs the same for 2 and 100 programs', async () => {
    // Start just before 2017:06E025 so that both pages hold programs with contracts.
    const after = Buffer.from('2017:06E024', 'utf8').toString('base64url');
    const query = `query($first: Int, $after: String) { budgetPrograms(first: $first, after: $after) { edges { node { id totals { approved paid } lines(first: 2) { totalCount edges { node { id program { id } } } } contracts { id } } } } }`;
    const two = await subgraph.statementsDuring(() => subgraph.data(query, { first: 2, after }));
    const hundred = await subgraph.statementsDuring(() => subgraph.data(query, { first: 100, after }));
    expect(hundred).toBe(two);
  });

  test('institution and state budgets for many ids cost the same as for 2', async () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Institution { budget(fiscalYear: 2018) { approved } budgetLines(first: 2, filter: {fiscalYear: 2018}) { totalCount edges { node { id } } } }
      ... on State { budget(fiscalYear: 2017) { paid } } } }`;
    const units = [...new Set(rows[2018].map((r) => responsibleUnitId(r.id_ramo.padStart(2, '0'), r.id_ur)))].slice(0, 60);
    const reps = (n: number) => [
      ...units.slice(0, n).map((id) => ({ __typename: 'Institution', id })),
      { __typename: 'Institution', id: 'MX-RAMO-33' },
      ...['01', '02', '29', '30'].slice(0, Math.max(2, n / 15)).map((id) => ({ __typename: 'State', id })),
    ];
    const two = await subgraph.statementsDuring(() => subgraph.data(query, { representations: reps(2) }));
    const many = await subgraph.statementsDuring(() => subgraph.data(query, { representations: reps(60) }));
    expect(many).toBe(two);
  });

  test('a page of contracts with buyer, programs and transactions costs the same for 2 and 21', async () => {
    // Each query reaches the program loader by one path only: two paths that resolve in different ticks may
    // legitimately make two batches, which would make the count depend on timing rather than on list size.
    // 2017's first contracts (federal, INAI) all have programs and transactions, so both pages use every loader.
    const queries = [
      `query($first: Int) { contracts(first: $first, filter: {fiscalYear: 2017}) { edges { node { id buyer { id } programs { id totals { paid } } } } } }`,
      `query($first: Int) { contracts(first: $first, filter: {fiscalYear: 2017}) { edges { node { id transactions { id program { id } contract { id } } } } } }`,
    ];
    for (const query of queries) {
      const two = await subgraph.statementsDuring(() => subgraph.data(query, { first: 2 }));
      const all = await subgraph.statementsDuring(() => subgraph.data(query, { first: 21 }));
      expect(all).toBe(two);
    }
  });
});
