import fs from 'node:fs';
import path from 'node:path';
import { definition } from '../../../subgraphs/budgets/definition';
import { loadCompraNetFiles } from '../../../subgraphs/budgets/importers/compranet.importer';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { amount, DATA } from './expected';
import { COMPRANET, compraNetRows, type CompraNetRow, kindOf } from './red-flags.expected';

const compraNet = (year: 2017 | 2018) => ({ file: path.join(COMPRANET, `${year}.sample.csv`), year, dataset: `compranet-${year}-sample` });
const ROWS = () => [...compraNetRows(2017), ...compraNetRows(2018)];

/** The shipped sample (budgets, OCDS, allocations) and both CompraNet files. */
describe('red flags through the budgets subgraph', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition);
    await loadCompraNetFiles(subgraph.dataSource, [compraNet(2017), compraNet(2018)], { skipRejectedRows: true });
  });
  afterAll(() => subgraph.close());

  test('Contract.redFlags of 1713253: every flag, unknown ones included, with labels, figures and methodology', async () => {
    const { contract } = await subgraph.data(`{ contract(id: "compranet-2018/1713253") {
      redFlags { code status raised labelEs reasonEs figures { name value } methodology { source fieldsRead threshold } }
      raised: redFlags(raisedOnly: true) { code } } }`);
    const byCode = Object.fromEntries(contract.redFlags.map((flag: any) => [flag.code, flag]));
    expect(Object.fromEntries(contract.redFlags.map((flag: any) => [flag.code, [flag.status, flag.raised]]))).toEqual({
      SHORT_SUBMISSION_PERIOD: ['NOT_APPLICABLE', null],
      SINGLE_BIDDER: ['NOT_APPLICABLE', null],
      STARTED_BEFORE_SIGNED: ['NOT_RAISED', false],
      AMENDED: ['NOT_RAISED', false],
      REPEATED_DIRECT_AWARD: ['NOT_RAISED', false],
      LATE_PUBLICATION: ['UNKNOWN', null],
    });
    expect(contract.raised).toEqual([]);
    expect(byCode.STARTED_BEFORE_SIGNED.figures).toEqual([
      { name: 'startsOn', value: '2018-02-09' },
      { name: 'signedOn', value: '2018-02-09' },
      { name: 'daysBefore', value: '0' },
    ]);
    expect(byCode.STARTED_BEFORE_SIGNED.labelEs).toBe('Inició antes de firmarse');
    expect(byCode.STARTED_BEFORE_SIGNED.methodology.fieldsRead).toContain('CompraNet FECHA_CELEBRACION');
    expect(byCode.SHORT_SUBMISSION_PERIOD.methodology.source).toMatch(/LAASSP\), art\. 32/);
    expect(byCode.SHORT_SUBMISSION_PERIOD.methodology.threshold).toMatch(/internacional: 20 días naturales; nacional: 15/);
    expect(byCode.LATE_PUBLICATION.figures).toEqual([]);
  });

  test('a raised flag says why with its figures', async () => {
    const started = ROWS().find((row) => row.FECHA_CELEBRACION !== '' && row.FECHA_INICIO < row.FECHA_CELEBRACION)!;
    const { contract } = await subgraph.data(`query($id: ID!) { contract(id: $id) { redFlags(raisedOnly: true) { code reasonEs } } }`, {
      id: started.id,
    });
    const reason = contract.redFlags.find((flag: any) => flag.code === 'STARTED_BEFORE_SIGNED').reasonEs;
    expect(reason).toContain(`Inició el ${started.FECHA_INICIO} y se firmó el ${started.FECHA_CELEBRACION}`);
  });

  test('a raised REPEATED_DIRECT_AWARD names the other direct awards of the same buyer and supplier within 30 days', async () => {
    const direct = ROWS().filter((row) => kindOf(row) === 'direct' && row.CLAVEUC !== '' && (row.FECHA_CELEBRACION || row.FECHA_INICIO));
    const key = (row: CompraNetRow) => `${row.CLAVEUC}|${row.FOLIO_RUPC || row.PROVEEDOR_CONTRATISTA}`;
    const day = (row: CompraNetRow) => Date.parse(row.FECHA_CELEBRACION || row.FECHA_INICIO) / 86_400_000;
    const othersOf = (row: CompraNetRow) =>
      direct
        .filter((other) => other.id !== row.id && key(other) === key(row) && Math.abs(day(other) - day(row)) <= 30)
        .map((other) => ({ id: other.id, days: Math.abs(day(other) - day(row)) }))
        .sort((a, b) => a.days - b.days || a.id.localeCompare(b.id));
    // The award with the most others (nine in these files), so that the order of the list shows.
    const row = direct.reduce((most, one) => (othersOf(one).length > othersOf(most).length ? one : most));
    const others = othersOf(row);
    const { contract } = await subgraph.data(
      `query($id: ID!) { contract(id: $id) { redFlags(raisedOnly: true) { code figures { name value } } } }`,
      {
        id: row.id,
      },
    );
    const figures = Object.fromEntries(
      contract.redFlags.find((flag: any) => flag.code === 'REPEATED_DIRECT_AWARD').figures.map((f: any) => [f.name, f.value]),
    );
    expect(figures).toEqual({
      awardedOn: row.FECHA_CELEBRACION || row.FECHA_INICIO,
      otherCount: String(others.length),
      closestDays: String(others[0].days),
      windowDays: '30',
      otherContracts: others
        .slice(0, 10)
        .map((other) => other.id)
        .join(' '),
    });
    expect(others.length).toBeGreaterThan(1);
  });

  test('contracts(filter: { redFlags }) lists the contracts raising every flag given', async () => {
    const amended = ROWS().filter((row) => row.CONVENIO_MODIFICATORIO === '1');
    const both = amended.filter((row) => row.FECHA_CELEBRACION !== '' && row.FECHA_INICIO < row.FECHA_CELEBRACION);
    const { one, two } = await subgraph.data(`{
      one: contracts(filter: { redFlags: [AMENDED] }, first: 100) { totalCount edges { node { id } } }
      two: contracts(filter: { redFlags: [AMENDED, STARTED_BEFORE_SIGNED] }, first: 100) { totalCount edges { node { id } } } }`);
    // No shipped OCDS contract publishes amendments: the amended ones are CompraNet's.
    expect(one.totalCount).toBe(amended.length);
    expect(one.edges.map((edge: any) => edge.node.id).sort()).toEqual(amended.map((row) => row.id).sort());
    expect(two.edges.map((edge: any) => edge.node.id).sort()).toEqual(both.map((row) => row.id).sort());
  });

  test('redFlagCoverage says how many contracts could be checked', async () => {
    const { redFlagCoverage, contracts } = await subgraph.data(`{ contracts { totalCount }
      redFlagCoverage(filter: { fiscalYear: 2018 }) { code contracts checked raised notApplicable unknown share summaryEs } }`);
    const year2018 = await subgraph.data('{ contracts(filter: { fiscalYear: 2018 }) { totalCount } }');
    const amended = redFlagCoverage.find((flag: any) => flag.code === 'AMENDED');
    expect(amended.contracts).toBe(year2018.contracts.totalCount);
    expect(amended.checked + amended.notApplicable + amended.unknown).toBe(amended.contracts);
    const late = redFlagCoverage.find((flag: any) => flag.code === 'LATE_PUBLICATION');
    expect(late).toMatchObject({ checked: 0, raised: 0, share: null, unknown: late.contracts });
    expect(late.summaryEs).toBe(`0 de ${late.contracts.toLocaleString('en-US')} contratos pudieron revisarse.`);
    expect(contracts.totalCount).toBeGreaterThan(year2018.contracts.totalCount);
  });

  test('MX-SLP-PAL-2017-03 lists the flags of its contracts, as the federal OCDS records state their dates', async () => {
    const { _entities } = await subgraph.data(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Commitment {
        contracts { id redFlags { code status } } redFlags { code contracts checked raised } } } }`,
      { r: [{ __typename: 'Commitment', id: 'MX-SLP-PAL-2017-03' }] },
    );
    const [commitment] = _entities;
    const federal = path.join(DATA, 'ocds', 'federal');
    const published = new Map<string, { dateSigned: string; period: { startDate: string } }>();
    for (const name of fs.readdirSync(federal)) {
      const release = JSON.parse(fs.readFileSync(path.join(federal, name), 'utf8'));
      for (const contract of release.contracts) published.set(`${release.ocid}/${contract.id}`, contract);
    }
    expect(commitment.contracts.length).toBeGreaterThan(0);
    let raised = 0;
    for (const contract of commitment.contracts) {
      const source = published.get(contract.id)!;
      const before = source.period.startDate.slice(0, 10) < source.dateSigned.slice(0, 10);
      if (before) raised += 1;
      // Federal records state no procedure, tender or amendments: only the dates can be checked.
      expect(Object.fromEntries(contract.redFlags.map((flag: any) => [flag.code, flag.status]))).toEqual({
        SHORT_SUBMISSION_PERIOD: 'UNKNOWN',
        SINGLE_BIDDER: 'UNKNOWN',
        STARTED_BEFORE_SIGNED: before ? 'RAISED' : 'NOT_RAISED',
        AMENDED: 'UNKNOWN',
        REPEATED_DIRECT_AWARD: 'UNKNOWN',
        LATE_PUBLICATION: 'UNKNOWN',
      });
    }
    // 1337 and the first contract of 1457 started before they were signed.
    expect(raised).toBe(2);
    expect(commitment.redFlags.find((flag: any) => flag.code === 'STARTED_BEFORE_SIGNED')).toEqual({
      code: 'STARTED_BEFORE_SIGNED',
      contracts: commitment.contracts.length,
      checked: commitment.contracts.length,
      raised,
    });
  });

  test('BudgetProgram and Allocation show the flags of the contracts charged to them', async () => {
    const { budgetProgram, allocations } = await subgraph.data(`{
      budgetProgram(id: "2017:20S176") { contracts { id } redFlags { code contracts raised } }
      allocations(filter: { commitmentId: "MX-SLP-PAL-2017-03" }) { programKey redFlags { code contracts raised } } }`);
    const started = budgetProgram.redFlags.find((flag: any) => flag.code === 'STARTED_BEFORE_SIGNED');
    expect(started).toEqual({ code: 'STARTED_BEFORE_SIGNED', contracts: budgetProgram.contracts.length, raised: 2 });
    const allocation = allocations.find((a: any) => a.programKey === '20S176');
    expect(allocation.redFlags).toEqual(budgetProgram.redFlags);
  });

  test('a list of 100 contracts costs as many statements for its red flags as a list of 5', async () => {
    const ask = (first: number) => () => subgraph.data(`{ contracts(first: ${first}) { edges { node { id redFlags { code status } } } } }`);
    expect(await subgraph.statementsDuring(ask(100))).toBe(await subgraph.statementsDuring(ask(5)));
    // A raised REPEATED_DIRECT_AWARD reads the other awards for its figures: one statement for the whole list.
    const repeated = (first: number) => () =>
      subgraph.data(`{ contracts(filter: { redFlags: [REPEATED_DIRECT_AWARD] }, first: ${first}) {
        edges { node { id redFlags(raisedOnly: true) { code figures { name value } } } } } }`);
    expect(await subgraph.statementsDuring(repeated(100))).toBe(await subgraph.statementsDuring(repeated(5)));
    const cells = (first: number) => () =>
      subgraph.data(`{ procurement(groupBy: [BUYER, YEAR], first: ${first}) { edges { node { contractCount
        redFlags { code raised } supplierConcentration { hhi } } } } }`);
    expect(await subgraph.statementsDuring(cells(50))).toBe(await subgraph.statementsDuring(cells(3)));
  });

  test('search finds the flagged contracts by flag code and by its Spanish label', async () => {
    const { search } = await subgraph.data(`{ search(text: "single_bidder") { contracts(first: 50) { node { id } } } }`);
    const { byLabel } = await subgraph.data(`{ byLabel: search(text: "un solo licitante") { contracts(first: 50) { node { id } } } }`);
    const flagged = await subgraph.data('{ contracts(filter: { redFlags: [SINGLE_BIDDER] }, first: 50) { edges { node { id } } } }');
    const expected = flagged.contracts.edges.map((edge: any) => edge.node.id).sort();
    expect(expected).toHaveLength(3);
    expect(search.contracts.map((hit: any) => hit.node.id).sort()).toEqual(expected);
    expect(byLabel.contracts.map((hit: any) => hit.node.id).sort()).toEqual(expected);
  });
});

/** Herfindahl–Hirschman index per buyer and currency, from the CompraNet rows alone. */
function expectedConcentration(rows: CompraNetRow[]) {
  const buyerOf = (key: string) => {
    const match = /^0(\d{2})([0-9A-Z]{3})\d{3}$/.exec(key);
    return match && match[2] !== '000' ? `MX-CPA-${match[1]}${match[2]}` : null;
  };
  const cells = new Map<string, Map<string, bigint>>();
  for (const row of rows) {
    const supplier = row.FOLIO_RUPC || row.PROVEEDOR_CONTRATISTA;
    const value = amount(row.IMPORTE_CONTRATO);
    if (!supplier || value === null) continue;
    const key = JSON.stringify([buyerOf(row.CLAVEUC), row.MONEDA]);
    const bySupplier = cells.get(key) ?? new Map<string, bigint>();
    cells.set(key, bySupplier);
    bySupplier.set(supplier, (bySupplier.get(supplier) ?? 0n) + value);
  }
  return new Map(
    [...cells].map(([key, bySupplier]) => {
      const values = [...bySupplier.values()].map(Number).filter((value) => value > 0);
      const total = values.reduce((sum, value) => sum + value, 0);
      return [key, values.reduce((sum, value) => sum + ((value / total) * 100) ** 2, 0)];
    }),
  );
}

describe('the procurement aggregate by buyer: flag counts and supplier concentration', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition, { loadSample: false });
    await loadCompraNetFiles(subgraph.dataSource, [compraNet(2017), compraNet(2018)], { skipRejectedRows: true });
  });
  afterAll(() => subgraph.close());

  async function allCells() {
    const cells: any[] = [];
    let after: string | null = null;
    for (;;) {
      const { procurement }: any = await subgraph.data(
        `query($after: String) { procurement(groupBy: [BUYER], first: 100, after: $after) {
          edges { node { key { buyer { id } currency } contractCount supplierConcentration { hhi suppliers topSupplierShare }
            redFlags { code contracts checked raised share } } }
          pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      cells.push(...procurement.edges.map((edge: any) => edge.node));
      if (!procurement.pageInfo.hasNextPage) return cells;
      after = procurement.pageInfo.endCursor;
    }
  }

  test('HHI of value by supplier per buyer and currency equals an independent computation on the files', async () => {
    const expected = expectedConcentration(ROWS());
    const cells = await allCells();
    expect(cells.length).toBe(expected.size);
    for (const cell of cells) {
      const hhi = expected.get(JSON.stringify([cell.key.buyer?.id ?? null, cell.key.currency]));
      expect(hhi).toBeDefined();
      expect(cell.supplierConcentration.hhi).toBeCloseTo(hhi!, 4);
    }
    expect(cells.some((cell) => cell.supplierConcentration.hhi === 10_000)).toBe(true);
  });

  test('an Institution as buyer and a Supplier summarise the flags of their contracts', async () => {
    const rows = ROWS();
    const imss = rows.filter((row) => /^019GYR\d{3}$/.test(row.CLAVEUC));
    const biotech = rows.filter((row) => row.FOLIO_RUPC === '77459');
    expect([imss.length > 10, biotech.length > 0]).toEqual([true, true]);
    const { _entities, procurement } = await subgraph.data(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { redFlags { code contracts checked raised } } }
        procurement(groupBy: [SUPPLIER], filter: { suppliers: ["77459"] }) { edges { node { key { supplier { key
          redFlags { code contracts checked raised } } } } } } }`,
      { r: [{ __typename: 'Institution', id: 'MX-CPA-19GYR' }] },
    );
    const amended = (list: any[]) => list.find((flag) => flag.code === 'AMENDED');
    expect(amended(_entities[0].redFlags)).toEqual({
      code: 'AMENDED',
      contracts: imss.length,
      checked: imss.length,
      raised: imss.filter((row) => row.CONVENIO_MODIFICATORIO === '1').length,
    });
    const [supplier] = procurement.edges.map((edge: any) => edge.node.key.supplier);
    expect(supplier.key).toBe('77459');
    expect(amended(supplier.redFlags)).toMatchObject({ contracts: biotech.length, checked: biotech.length });
    const started = supplier.redFlags.find((flag: any) => flag.code === 'STARTED_BEFORE_SIGNED');
    expect(started.raised).toBe(biotech.filter((row) => row.FECHA_CELEBRACION && row.FECHA_INICIO < row.FECHA_CELEBRACION).length);
  });

  test('flag counts per cell add up to the files’ counts', async () => {
    const cells = await allCells();
    const rows = ROWS();
    const sum = (code: string, field: 'raised' | 'checked' | 'contracts') =>
      cells.reduce((total, cell) => total + cell.redFlags.find((flag: any) => flag.code === code)[field], 0);
    expect(sum('AMENDED', 'raised')).toBe(rows.filter((row) => row.CONVENIO_MODIFICATORIO === '1').length);
    expect(sum('AMENDED', 'contracts')).toBe(rows.length);
    expect(sum('STARTED_BEFORE_SIGNED', 'checked')).toBe(rows.filter((row) => row.FECHA_INICIO && row.FECHA_CELEBRACION).length);
    for (const cell of cells) {
      for (const flag of cell.redFlags) expect(flag.share).toBe(flag.checked === 0 ? null : flag.raised / flag.checked);
    }
  });
});
