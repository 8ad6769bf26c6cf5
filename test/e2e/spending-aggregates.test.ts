import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { formatMoney, parseMoney } from '../../subgraphs/kit/money';
import { startFederation, type TestFederation } from '../helpers/federation';

const MOMENTS = ['approved', 'modified', 'accrued', 'exercised', 'paid'] as const;
type Moment = (typeof MOMENTS)[number];

interface Expected {
  stateId: string | null;
  geography: string;
  lineCount: number;
  sums: Record<Moment, bigint | null>;
}

/** Year × geography sums straight from the two PEF samples, with BigInt; a moment no row states stays null. */
function expectedByYearAndGeography(): Map<string, Expected> {
  const cells = new Map<string, Expected>();
  for (const year of [2017, 2018]) {
    const rows: Record<string, string>[] = parse(fs.readFileSync(path.resolve(__dirname, `../../data/shcp-pef/${year}.sample.csv`)), {
      columns: true,
    });
    for (const row of rows) {
      const key = `${row.ciclo}|${Number(row.id_entidad_federativa)}`;
      const code = Number(row.id_entidad_federativa);
      let cell = cells.get(key);
      if (!cell) {
        const sums = { approved: null, modified: null, accrued: null, exercised: null, paid: null };
        const stateId = code >= 1 && code <= 32 ? String(code).padStart(2, '0') : null;
        cell = { stateId, geography: row.entidad_federativa.trim(), lineCount: 0, sums };
        cells.set(key, cell);
      }
      cell.lineCount += 1;
      const figures: Record<Moment, string> = {
        approved: row.monto_aprobado,
        modified: row.monto_modificado,
        accrued: row.monto_devengado,
        exercised: row.monto_ejercido || row.monto_ejercicio,
        paid: row.monto_pagado,
      };
      for (const moment of MOMENTS) {
        const amount = figures[moment] ? parseMoney(figures[moment]) : null;
        if (amount !== null) cell.sums[moment] = (cell.sums[moment] ?? 0n) + amount;
      }
    }
  }
  return cells;
}

const money = (value: bigint | null) => (value === null ? null : formatMoney(value));

const YEAR_BY_STATE = `
query ($after: String) {
  spending(groupBy: [FISCAL_YEAR, STATE], filter: { fiscalYears: [2017, 2018] }, first: 50, after: $after) {
    totalCount
    total { approved modified accrued exercised paid lineCount }
    pageInfo { hasNextPage endCursor }
    edges { node {
      key { fiscalYear geography state { id name } }
      amounts { approved modified accrued exercised paid executionRate flags }
      lineCount
    } }
  }
}`;

let api: TestFederation;
beforeAll(async () => {
  api = await startFederation();
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

describe('spending aggregates through the gateway', () => {
  test('year × state equals the exact sums of the two PEF samples in every cell and every moment', async () => {
    const expected = expectedByYearAndGeography();
    const nodes: any[] = [];
    let after: string | null = null;
    let totalCount = 0;
    let total: any;
    do {
      const { data, errors } = await api.query(YEAR_BY_STATE, { after });
      expect(errors).toBeUndefined();
      nodes.push(...data!.spending.edges.map((edge: any) => edge.node));
      totalCount = data!.spending.totalCount;
      total = data!.spending.total;
      after = data!.spending.pageInfo.hasNextPage ? data!.spending.pageInfo.endCursor : null;
    } while (after !== null);

    expect(nodes).toHaveLength(expected.size);
    expect(totalCount).toBe(expected.size);
    for (const node of nodes) {
      // Abroad (33) and not distributable (34) have no state; their geography is the published name and a label.
      const cell = node.key.state
        ? expected.get(`${node.key.fiscalYear}|${Number(node.key.state.id)}`)
        : [33, 34]
            .map((code) => expected.get(`${node.key.fiscalYear}|${code}`))
            .find((c) => c && node.key.geography.startsWith(c.geography));
      expect(cell).toBeDefined();
      expect(node.key.state?.id ?? null).toBe(cell!.stateId);
      expect(node.lineCount).toBe(cell!.lineCount);
      for (const moment of MOMENTS) expect([moment, node.amounts[moment]]).toEqual([moment, money(cell!.sums[moment])]);
      expect(node.amounts.flags).toContain('SAMPLE_DATA');
    }
    const tlaxcala = nodes.find((node) => node.key.fiscalYear === 2018 && node.key.state?.id === '29');
    expect(tlaxcala.key.state.name).toBe('Tlaxcala');
    for (const moment of MOMENTS) {
      const sum = [...expected.values()].reduce<bigint | null>(
        (acc, cell) => (cell.sums[moment] === null ? acc : (acc ?? 0n) + cell.sums[moment]!),
        null,
      );
      expect(total[moment]).toBe(money(sum));
    }
    expect(total.lineCount).toBe([...expected.values()].reduce((n, cell) => n + cell.lineCount, 0));
  });

  test('orders by a moment, pages with cursors, and filters', async () => {
    const query = `query ($after: String) {
      spending(groupBy: [STATE], filter: { fiscalYears: [2018], chapters: ["3000", "4000"] },
               orderBy: { moment: APPROVED, direction: DESC }, first: 5, after: $after) {
        pageInfo { hasNextPage endCursor hasPreviousPage }
        edges { node { key { state { id } geography } amounts { approved } } }
      }
    }`;
    const first = await api.query(query);
    expect(first.errors).toBeUndefined();
    const second = await api.query(query, { after: first.data!.spending.pageInfo.endCursor });
    expect(second.data!.spending.pageInfo.hasPreviousPage).toBe(true);
    const approved = [...first.data!.spending.edges, ...second.data!.spending.edges].map((edge: any) =>
      edge.node.amounts.approved === null ? null : parseMoney(edge.node.amounts.approved),
    );
    expect(approved).toHaveLength(10);
    const present = approved.filter((value): value is bigint => value !== null);
    expect([...present].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(present);
    expect(approved.indexOf(null) === -1 || approved.slice(approved.indexOf(null)).every((value) => value === null)).toBe(true);
  });

  test('a grouping no coarser rollup holds sums the finest cells and agrees with one a coarser rollup holds', async () => {
    const query = (groupBy: string) => `{
      spending(groupBy: [${groupBy}], filter: { fiscalYears: [2018], ramos: ["33"] }, first: 100) {
        total { approved paid lineCount }
        edges { node { key { program { key } chapter { code } } amounts { paid } lineCount } }
      }
    }`;
    const fine = await api.query(query('PROGRAM, CHAPTER, FUNDING_SOURCE'));
    const coarse = await api.query(query('PROGRAM'));
    expect(fine.errors).toBeUndefined();
    expect(coarse.errors).toBeUndefined();
    expect(fine.data!.spending.total).toEqual(coarse.data!.spending.total);
    const byProgram = new Map<string, bigint>();
    for (const edge of fine.data!.spending.edges) {
      const key = edge.node.key.program.key;
      byProgram.set(key, (byProgram.get(key) ?? 0n) + (parseMoney(edge.node.amounts.paid ?? '0') ?? 0n));
    }
    for (const edge of coarse.data!.spending.edges) {
      expect(formatMoney(byProgram.get(edge.node.key.program.key)!)).toBe(edge.node.amounts.paid ?? '0.00');
    }
  });

  test('real pesos equal nominal × INPC(base year average) / INPC(year average), rounded to the centavo', async () => {
    const { data, errors } = await api.query(`{
      priceIndex(from: "2017-01", to: "2018-12") { month value }
      state(id: "29") { budget(fiscalYear: 2017) { paid } real: budget(fiscalYear: 2017, inPesosOf: 2018) { paid flags } }
      nominal: spending(groupBy: [FISCAL_YEAR], filter: { fiscalYears: [2017, 2018] }) {
        edges { node { key { fiscalYear } amounts { approved paid } } }
      }
      real: spending(groupBy: [FISCAL_YEAR], filter: { fiscalYears: [2017, 2018] }, inPesosOf: 2018) {
        total { approved flags derived { inPesosOf method } }
        edges { node { key { fiscalYear } amounts { approved paid flags derived { inPesosOf } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    // The index as served, back to exact millionths: the sum of a year's twelve months is twelve times its average.
    const yearSum = (year: number) =>
      data!.priceIndex
        .filter((month: any) => month.month.startsWith(`${year}-`))
        .reduce((sum: bigint, month: any) => sum + BigInt(Math.round(month.value * 1e6)), 0n);
    const centavo = parseMoney('0.01')!;
    const deflate = (amount: bigint, year: number) => {
      const numerator = amount * yearSum(2018);
      const denominator = yearSum(year) * centavo;
      const centavos = (2n * (numerator < 0n ? -numerator : numerator) + denominator) / (2n * denominator);
      return (numerator < 0n ? -centavos : centavos) * centavo;
    };
    // The grand total is the exact sum of every year's deflated figure, rounded once.
    let numerator = 0n;
    let denominator = 1n;
    for (const { node } of data!.nominal.edges) {
      const real = data!.real.edges.find((edge: any) => edge.node.key.fiscalYear === node.key.fiscalYear).node;
      for (const moment of ['approved', 'paid'] as const) {
        expect(real.amounts[moment]).toBe(formatMoney(deflate(parseMoney(node.amounts[moment])!, node.key.fiscalYear)));
      }
      expect(real.amounts.flags).toContain('IN_REAL_PESOS');
      expect(real.amounts.derived).toEqual({ inPesosOf: 2018 });
      const [n, d] = [parseMoney(node.amounts.approved)! * yearSum(2018), yearSum(node.key.fiscalYear)];
      [numerator, denominator] = [numerator * d + n * denominator, denominator * d];
    }
    // The same on a State's budget, a field the budgets subgraph adds to the institutions subgraph's State.
    expect(data!.state.real.paid).toBe(formatMoney(deflate(parseMoney(data!.state.budget.paid)!, 2017)));
    expect(data!.state.real.flags).toContain('IN_REAL_PESOS');
    const totalCentavos = (2n * numerator + denominator * centavo) / (2n * denominator * centavo);
    expect(data!.real.total.approved).toBe(formatMoney(totalCentavos * centavo));
    expect(data!.real.total.flags).toContain('IN_REAL_PESOS');
    expect(data!.real.total.derived.method).toMatch(/INPC/);
    const nominal2017 = data!.nominal.edges.find((edge: any) => edge.node.key.fiscalYear === 2017).node;
    const real2017 = data!.real.edges.find((edge: any) => edge.node.key.fiscalYear === 2017).node;
    expect(real2017.amounts.approved).not.toBe(nominal2017.amounts.approved);
  });

  test('a year whose price index is not loaded is a client error', async () => {
    const { errors } = await api.query('{ spending(groupBy: [FISCAL_YEAR], inPesosOf: 1900) { edges { cursor } } }');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('share of GDP where the year is loaded', async () => {
    const { data, errors } = await api.query(`{
      grossDomesticProduct(fromYear: 2018, toYear: 2018) { nominal }
      spending(groupBy: [FISCAL_YEAR], filter: { fiscalYears: [2018] }) { edges { node { amounts { approved } shareOfGdp { approved } } } }
    }`);
    expect(errors).toBeUndefined();
    const [{ node }] = data!.spending.edges;
    const gdp = parseMoney(data!.grossDomesticProduct[0].nominal)!;
    expect(node.shareOfGdp.approved).toBeCloseTo(Number(parseMoney(node.amounts.approved)!) / Number(gdp), 12);
  });

  test('the statements an aggregate sends do not depend on the number of cells or lines', async () => {
    const run = (groupBy: string) =>
      api.statementsDuring(() =>
        api.query(`{ spending(groupBy: [${groupBy}], first: 100) { totalCount total { paid } edges { node { amounts { paid } } } } }`),
      );
    const small = await run('FISCAL_YEAR');
    const large = await run('FISCAL_YEAR, STATE');
    expect(large.budgets).toBe(small.budgets);
    expect(small.budgets).toBeLessThanOrEqual(3);
  });

  test("docs/questions.md's aggregate, red-flag and coverage examples answer without errors", async () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../docs/questions.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Aggregates'), readme.indexOf('## Export'));
    const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const { errors, data } = await api.query(example);
      expect([example, errors]).toEqual([example, undefined]);
      expect(Object.values(data!)[0]).toBeTruthy();
    }
  });
});
