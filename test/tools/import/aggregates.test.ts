import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { definition } from '../../../subgraphs/budgets/definition';
import { COMPRANET_COLUMNS } from '../../../subgraphs/budgets/importers/compranet.importer';
import { csvRecords } from '../../../subgraphs/kit/import/csv-records';
import { formatMoney, parseMoney } from '../../../subgraphs/kit/money';
import { prepareSubgraph } from '../../../subgraphs/kit/start-subgraph';
import { expectedReal } from '../../helpers/real-pesos';
import { DATA, inputFile, runJson, sandbox, type Sandbox } from './cli';

const csv = (file: string, columns: boolean | string[] = true): { record: Record<string, string>; info: { lines: number } }[] =>
  parse(fs.readFileSync(file), { columns, bom: true, relax_column_count: true, relax_quotes: true, info: true });

/** Queries the budgets subgraph on the sandbox's database (kept: the sandbox drops it at the end). */
async function query(box: Sandbox, source: string): Promise<Record<string, any>> {
  const budgets = await prepareSubgraph(definition, { ...box.config, loadSample: false });
  try {
    const response = await budgets.server.executeOperation({ query: source }, { contextValue: budgets.context() });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors).toBeUndefined();
    return response.body.singleResult.data as Record<string, any>;
  } finally {
    await budgets.close();
  }
}

describe('aggregates over imported files', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test('re-importing a changed budget file updates the rollup cells in the same load', async () => {
    const original = path.join(DATA, 'shcp-pef', '2018.sample.csv');
    expect((await runJson(box, ['shcp-budget', original])).code).toBe(0);
    const rows = csv(original).map(({ record }) => record);
    const target = rows.findIndex((row) => Number(row.id_entidad_federativa) === 29 && row.monto_aprobado !== '');
    const state = '29';
    const spendingQuery = `{ spending(groupBy: [FISCAL_YEAR, STATE], filter: { fiscalYears: [2018], states: ["${state}"] }) {
      total { approved } edges { node { amounts { approved } lineCount } } } }`;
    const before = await query(box, spendingQuery);

    const lines = fs.readFileSync(original, 'utf8').split('\n');
    const header = lines[0].split(',');
    const column = header.indexOf('monto_aprobado');
    const [fields] = parse(lines[target + 1]) as string[][];
    const delta = parseMoney('1234.56')!;
    fields[column] = formatMoney(parseMoney(fields[column])! + delta);
    lines[target + 1] = fields.map((value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',');
    const changed = inputFile(box, '2018.sample.csv', lines.join('\n'));
    const { code, report } = await runJson(box, ['shcp-budget', changed]);
    expect(code).toBe(0);
    expect([report.summary, report.problems]).toEqual([expect.objectContaining({ updated: 1 }), []]);

    const after = await query(box, spendingQuery);
    const approved = (data: any) => parseMoney(data.spending.edges[0].node.amounts.approved)!;
    expect(approved(after) - approved(before)).toBe(delta);
    expect(parseMoney(after.spending.total.approved)! - parseMoney(before.spending.total.approved)!).toBe(delta);
    expect(after.spending.edges[0].node.lineCount).toBe(before.spending.edges[0].node.lineCount);
  });

  test('Cuenta Pública year × ramo equals the sums of the program rows of the files', async () => {
    expect((await runJson(box, ['cuenta-publica', path.join(DATA, 'cuenta-publica')])).code).toBe(0);
    const FIGURES = ['Aprobado', 'Modificado', 'Devengado', 'Ejercicio'];
    const expected = new Map<string, bigint[]>();
    for (const year of [2017, 2018]) {
      for (const { record: row } of csv(path.join(DATA, 'cuenta-publica', `${year}.csv`))) {
        const figure = FIGURES.indexOf(row.PRESUPUESTO);
        if (row.PROGRAMA === 'TOTAL' || figure === -1) continue;
        // Ramos 01 and 03 are published per body (chamber, court); the ramo is the branch.
        const ramo = ['Poder Legislativo', 'Poder Judicial'].includes(row.ENTE) ? row.ENTE : `${row.RAMO}|${row.SUBRAMO}`;
        const key = `${year}|${ramo}`;
        const sums = expected.get(key) ?? [0n, 0n, 0n, 0n];
        sums[figure] += parseMoney(row.TOTAL.replace(/,/g, ''))!;
        expected.set(key, sums);
      }
    }
    const data = await query(
      box,
      `{ publicAccounts(groupBy: [FISCAL_YEAR, RAMO], first: 100) {
        totalCount edges { node { key { fiscalYear ramo { code name } } amounts { approved modified accrued exercised } } } } }`,
    );
    expect(data.publicAccounts.totalCount).toBe(expected.size);
    const served = data.publicAccounts.edges.map(({ node }: any) =>
      [node.key.fiscalYear, node.amounts.approved, node.amounts.modified, node.amounts.accrued, node.amounts.exercised].join('|'),
    );
    const fromFiles = [...expected.entries()].map(([key, sums]) => [key.split('|')[0], ...sums.map(formatMoney)].join('|'));
    expect([...served].sort()).toEqual([...fromFiles].sort());
  });

  test('procurement by year and procedure kind equals the CompraNet files, one currency per cell', async () => {
    const files = [2017, 2018].map((year) => path.join(DATA, 'compranet', `${year}.sample.csv`));
    // With --skip-rejected the rest is written even though some records are rejected (exit 1 says so).
    const { report } = await runJson(box, ['compranet', ...files, '--skip-rejected']);
    expect(report.written).toBe(true);
    // Records the import rejected (amounts the kit cannot hold exactly, broken quoting) are not in the database.
    const rejected = new Set(report.problems.map((problem) => `${problem.file}|${problem.row}`));
    const kindOf = (type: string) =>
      /^adjudicaci[oó]n directa/i.test(type)
        ? 'DIRECT'
        : /^licitaci[oó]n p[uú]blica/i.test(type)
          ? 'OPEN'
          : /^invitaci[oó]n/i.test(type)
            ? 'LIMITED'
            : null;
    const expected = new Map<string, { count: number; value: bigint }>();
    const bySupplier = new Map<string, { count: number; value: bigint }>();
    for (const file of files) {
      // Records as the project's CSV reader splits them: a damaged line (broken quoting) is one rejected record there.
      for (const record of csvRecords(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))) {
        if ('reason' in record) continue;
        const row = Object.fromEntries(COMPRANET_COLUMNS.map((column, i) => [column, record.fields[i]?.trim() ?? '']));
        if (row.CODIGO_CONTRATO === 'CODIGO_CONTRATO' || rejected.has(`${file}|${record.line}`)) continue;
        const value = parseMoney(row.IMPORTE_CONTRATO)!;
        const dated = row.FECHA_INICIO || row.FECHA_CELEBRACION;
        const key = `${dated ? Number(dated.slice(0, 4)) : null}|${kindOf(row.TIPO_PROCEDIMIENTO)}|${row.MONEDA}`;
        const supplier = `${row.FOLIO_RUPC || row.PROVEEDOR_CONTRATISTA}|${row.MONEDA}`;
        if (kindOf(row.TIPO_PROCEDIMIENTO) === 'DIRECT' && (row.FOLIO_RUPC || row.PROVEEDOR_CONTRATISTA)) {
          const direct = bySupplier.get(supplier) ?? { count: 0, value: 0n };
          direct.count += 1;
          direct.value += value;
          bySupplier.set(supplier, direct);
        }
        const cell = expected.get(key) ?? { count: 0, value: 0n };
        cell.count += 1;
        cell.value += value;
        expected.set(key, cell);
      }
    }
    const data = await query(
      box,
      `{ procurement(groupBy: [YEAR, PROCEDURE], first: 100) {
        totalCount edges { node { key { year procedure currency } contractCount value { amount currency } directCount directShare } } } }`,
    );
    expect(data.procurement.totalCount).toBe(expected.size);
    for (const { node } of data.procurement.edges) {
      const cell = expected.get(`${node.key.year}|${node.key.procedure}|${node.key.currency}`);
      expect(cell).toBeDefined();
      expect(node.contractCount).toBe(cell!.count);
      expect(node.value).toEqual({ amount: formatMoney(cell!.value), currency: node.key.currency });
      expect(node.directCount).toBe(node.key.procedure === 'DIRECT' ? cell!.count : 0);
      if (cell!.value > 0n) expect(node.directShare).toBe(node.key.procedure === 'DIRECT' ? 1 : 0);
    }

    const suppliers = await query(
      box,
      `{ procurement(groupBy: [SUPPLIER], filter: { procedures: [DIRECT] }, orderBy: { by: VALUE, direction: DESC }, first: 10) {
        totalCount edges { node { key { supplier { key name } currency } contractCount value { amount } directShare } } } }`,
    );
    expect(suppliers.procurement.totalCount).toBe(bySupplier.size);
    for (const { node } of suppliers.procurement.edges) {
      const cell = bySupplier.get(`${node.key.supplier.key}|${node.key.currency}`);
      expect([node.contractCount, node.value.amount, node.directShare]).toEqual([cell!.count, formatMoney(cell!.value), 1]);
    }
  });
  test('inPesosOf on publicAccounts and procurement: peso figures deflated year by year and rounded once, other currencies flagged', async () => {
    expect((await runJson(box, ['consumer-prices', path.join(DATA, 'economy', 'IPC.csv')])).code).toBe(0);
    const accounts = await query(
      box,
      `{ byYear: publicAccounts(groupBy: [FISCAL_YEAR, RAMO], first: 100) { edges { node { key { fiscalYear ramo { code } } amounts { approved exercised } } } }
         real: publicAccounts(groupBy: [RAMO], orderBy: { moment: EXERCISED, direction: DESC }, first: 100, inPesosOf: 2018) {
           totalCount total { approved flags derived { inPesosOf } }
           edges { node { key { fiscalYear ramo { code } } amounts { approved exercised flags derived { inPesosOf } } accountCount } } } }`,
    );
    const byRamo = new Map<string, { amount: bigint; year: number }[][]>();
    for (const { node } of accounts.byYear.edges) {
      const parts = byRamo.get(node.key.ramo.code) ?? [[], []];
      for (const [i, figure] of ['approved', 'exercised'].entries()) {
        if (node.amounts[figure] !== null) parts[i].push({ amount: parseMoney(node.amounts[figure])!, year: node.key.fiscalYear });
      }
      byRamo.set(node.key.ramo.code, parts);
    }
    expect(accounts.real.totalCount).toBe(byRamo.size);
    const served = accounts.real.edges.map(({ node }: any) => node);
    for (const node of served) {
      const [approved, exercised] = byRamo.get(node.key.ramo.code)!;
      expect(node.key.fiscalYear).toBeNull();
      expect(node.amounts).toMatchObject({
        approved: formatMoney(expectedReal(approved, 2018)),
        exercised: formatMoney(expectedReal(exercised, 2018)),
        derived: { inPesosOf: 2018 },
      });
      expect(node.amounts.flags).toContain('IN_REAL_PESOS');
    }
    const exercised = served.map((node: any) => parseMoney(node.amounts.exercised)!);
    expect(exercised).toEqual([...exercised].sort((a: bigint, b: bigint) => (a < b ? 1 : a > b ? -1 : 0)));
    const everything = [...byRamo.values()].flatMap(([approved]) => approved);
    expect(accounts.real.total).toMatchObject({ approved: formatMoney(expectedReal(everything, 2018)), derived: { inPesosOf: 2018 } });

    // A peso contract with no date at all has no fiscal year: its cell cannot be deflated.
    const undated = '{"ocid": "ocds-abc123-undated", "contracts": [{"id": "1", "value": {"amount": 1000.5, "currency": "MXN"}}]}';
    expect((await runJson(box, ['ocds', inputFile(box, 'undated.json', undated)])).code).toBe(0);
    const contracts = await query(
      box,
      `{ byYear: procurement(groupBy: [YEAR, PROCEDURE], first: 100) { edges { node { key { year procedure currency } value { amount } directValue { amount } } } }
         real: procurement(groupBy: [PROCEDURE], first: 100, inPesosOf: 2018) {
           totalCount edges { node { key { year procedure currency } contractCount value { amount currency } directValue { amount } flags derived { inPesosOf } } } } }`,
    );
    const cells = new Map<
      string,
      { parts: { amount: bigint; year: number | null }[]; direct: { amount: bigint; year: number | null }[] }
    >();
    for (const { node } of contracts.byYear.edges) {
      const key = `${node.key.procedure}|${node.key.currency}`;
      const cell = cells.get(key) ?? { parts: [], direct: [] };
      if (node.value) cell.parts.push({ amount: parseMoney(node.value.amount)!, year: node.key.year });
      if (node.directValue) cell.direct.push({ amount: parseMoney(node.directValue.amount)!, year: node.key.year });
      cells.set(key, cell);
    }
    expect(contracts.real.totalCount).toBe(cells.size);
    const flags = new Set<string>();
    for (const { node } of contracts.real.edges) {
      const { parts, direct } = cells.get(`${node.key.procedure}|${node.key.currency}`)!;
      const nominal = parts.reduce((sum, part) => sum + part.amount, 0n);
      flags.add(node.flags.join());
      if (node.key.currency !== 'MXN') {
        expect([node.value.amount, node.flags, node.derived]).toEqual([formatMoney(nominal), ['NOT_DEFLATED_CURRENCY'], null]);
      } else if (parts.some((part) => part.year === null)) {
        expect([node.value.amount, node.flags, node.derived]).toEqual([formatMoney(nominal), ['NOT_DEFLATED_UNDATED'], null]);
      } else {
        const real = (of: { amount: bigint; year: number | null }[]) =>
          formatMoney(expectedReal(of as { amount: bigint; year: number }[], 2018));
        expect([node.value.amount, node.flags, node.derived]).toEqual([real(parts), ['IN_REAL_PESOS'], { inPesosOf: 2018 }]);
        expect(node.directValue.amount).toBe(real(direct));
      }
    }
    // The CompraNet samples hold peso contracts of both years and dollar contracts; the OCDS one has no year.
    expect([...flags].sort()).toEqual(['IN_REAL_PESOS', 'NOT_DEFLATED_CURRENCY', 'NOT_DEFLATED_UNDATED']);
  });

  test('inPesosOf a year whose INPC is not loaded is a client error on both aggregates', async () => {
    for (const source of [
      '{ publicAccounts(groupBy: [RAMO], inPesosOf: 1900) { edges { cursor } } }',
      '{ procurement(groupBy: [PROCEDURE], inPesosOf: 1900) { edges { cursor } } }',
    ]) {
      const budgets = await prepareSubgraph(definition, { ...box.config, loadSample: false });
      try {
        const response = await budgets.server.executeOperation({ query: source }, { contextValue: budgets.context() });
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        expect(response.body.singleResult.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      } finally {
        await budgets.close();
      }
    }
  });
});
