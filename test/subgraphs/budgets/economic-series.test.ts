import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { definition } from '../../../subgraphs/budgets/definition';
import { GrossDomesticProduct } from '../../../subgraphs/budgets/entities/gross-domestic-product.entity';
import { PriceIndex } from '../../../subgraphs/budgets/entities/price-index.entity';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { countRows, DATA, inputFile, runJson, sandbox, type Sandbox } from '../../tools/import/cli';

const ECONOMY = path.resolve(__dirname, '../../../data/economy');
const rowsOf = (file: string): Record<string, string>[] => parse(fs.readFileSync(path.join(ECONOMY, file)), { columns: true });

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
});
afterAll(() => subgraph.close());

describe('the economic series of the sample', () => {
  test('every month of the price index, as published', async () => {
    const { priceIndex } = await subgraph.data('{ priceIndex { month value source { dataset file row } } }');
    const rows = rowsOf('IPC.csv');
    expect(priceIndex).toHaveLength(rows.length);
    priceIndex.forEach((month: { month: string; value: number }, i: number) => {
      expect([month.month, month.value]).toEqual([rows[i].Fecha.slice(0, 7), Number(rows[i].IPC)]);
    });
    expect(priceIndex[0].source).toEqual({ dataset: 'inegi-inpc', file: 'IPC.csv', row: 2 });
  });

  test('a range of months; a malformed month is a client error', async () => {
    const { priceIndex } = await subgraph.data('{ priceIndex(from: "2018-07", to: "2018-09") { month value } }');
    expect(priceIndex.map((m: { month: string }) => m.month)).toEqual(['2018-07', '2018-08', '2018-09']);
    const wrong = await subgraph.query('{ priceIndex(from: "2018-7") { month } }');
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('GDP in pesos, exactly the millions the file publishes', async () => {
    const { grossDomesticProduct } = await subgraph.data('{ grossDomesticProduct(fromYear: 1993, toYear: 1994) { year nominal } }');
    expect(grossDomesticProduct).toEqual([
      { year: 1993, nominal: '1651777889000.00' },
      { year: 1994, nominal: '1868526360000.00' },
    ]);
    const all = (await subgraph.data('{ grossDomesticProduct { nominal } }')).grossDomesticProduct;
    const millionths = (text: string) => {
      const [units, fraction = ''] = text.split('.');
      return BigInt(units) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
    };
    const fileTotal = rowsOf('PIB.csv').reduce((sum, row) => sum + millionths(row.PIB_nominal), 0n);
    const apiTotal = all.reduce((sum: bigint, year: { nominal: string }) => sum + BigInt(year.nominal.replace('.', '')), 0n);
    expect(apiTotal).toBe(fileTotal * 100n);
  });
});

describe('npm run import -- consumer-prices / gdp', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test('the real files load, and again with nothing changed', async () => {
    const prices = path.join(DATA, 'economy', 'IPC.csv');
    const gdp = path.join(DATA, 'economy', 'PIB.csv');
    expect((await runJson(box, ['consumer-prices', prices])).report.summary).toEqual({
      inserted: 663,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect((await runJson(box, ['gdp', gdp])).report.summary).toEqual({ inserted: 31, updated: 0, unchanged: 0, rejected: 0 });
    expect((await runJson(box, ['consumer-prices', prices])).report.summary).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 663,
      rejected: 0,
    });
    expect((await runJson(box, ['gdp', gdp])).report.summary).toEqual({ inserted: 0, updated: 0, unchanged: 31, rejected: 0 });
  });

  test('a month that is not the first day, a rounded value and a repeated year: each named, nothing written', async () => {
    const empty = sandbox();
    try {
      const prices = inputFile(empty, 'IPC.csv', 'Fecha,IPC\n2018-07-01,100.0\n2018-08-15,100.5\n2018-09-01,1.1234567\n');
      const { code, report } = await runJson(empty, ['consumer-prices', prices]);
      expect(code).toBe(1);
      expect(report.problems).toEqual([
        expect.objectContaining({ row: 3, field: 'fecha', value: '2018-08-15', reason: 'is not the first day of a month (YYYY-MM-01)' }),
        expect.objectContaining({ row: 4, field: 'ipc', value: '1.1234567', reason: 'is not a positive number with at most 6 decimals' }),
      ]);
      const gdp = inputFile(empty, 'PIB.csv', 'Año,PIB_nominal\n2020,1.5\n2020,2.5\n');
      expect((await runJson(empty, ['gdp', gdp])).report.problems).toEqual([
        expect.objectContaining({ row: 3, field: 'id', value: '2020' }),
      ]);
      expect(await countRows(empty, 'budgets', [PriceIndex, GrossDomesticProduct])).toEqual([0, 0]);
    } finally {
      await empty.cleanup();
    }
  });
});
