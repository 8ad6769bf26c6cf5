import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { definition } from '../../../subgraphs/budgets/definition';
import { ContractProgram } from '../../../subgraphs/budgets/entities/contract-program.entity';
import { Contract } from '../../../subgraphs/budgets/entities/contract.entity';
import {
  federalUnitId,
  loadCompraNetFiles,
  parseCompraNetFiles,
  type CompraNetFileInput,
  type CompraNetLoadOptions,
} from '../../../subgraphs/budgets/importers/compranet.importer';
import { exactAmount } from '../../../subgraphs/budgets/importers/compranet/exact-amount';
import { shcpBudget } from '../../../subgraphs/budgets/importers/shcp-budget.format';
import { ImportError, type ImportProblem } from '../../../subgraphs/kit/import/problems';
import { importFormat } from '../../helpers/formats';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { amount, DATA, format } from './expected';

let subgraph: TestSubgraph;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'compranet-'));

const FOLDER = path.join(DATA, 'compranet');
const input = (year: 2017 | 2018, file = path.join(FOLDER, `${year}.sample.csv`)): CompraNetFileInput => ({
  file,
  year,
  dataset: `compranet-${year}-sample`,
});
const REAL = [input(2018), input(2017)];
/** Program links of the readable records: 6 in 2018, 95 in 2017 (the 1095187.984 contract names 23U132). */
const LINKS = 6 + 95;

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition, { loadSample: false });
  // The budget programs the contracts link to; no OCDS contract, so every contract in the database is CompraNet's.
  await importFormat(subgraph.dataSource, shcpBudget, [path.join(DATA, 'shcp-pef')]);
});
afterAll(async () => {
  await subgraph.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/**
 * The file read independently of the importer: every physical line on its own with csv-parse (no record of these
 * files spans lines), keeping those that are whole 45-field records.
 */
const independentRecords = new Map<number, { line: number; fields: string[] }[]>();
function recordsOf(year: 2017 | 2018): { line: number; fields: string[] }[] {
  const known = independentRecords.get(year);
  if (known) return known;
  const lines = fs.readFileSync(path.join(FOLDER, `${year}.sample.csv`), 'utf8').split('\n');
  const records = lines.flatMap((text, i) => {
    if (text === '' || text.startsWith('GOBIERNO,')) return [];
    try {
      const [fields] = parse(text) as string[][];
      return fields.length === 45 ? [{ line: i + 1, fields }] : [];
    } catch {
      return [];
    }
  });
  independentRecords.set(year, records);
  return records;
}

/** Exact sums of IMPORTE_CONTRATO (column 22) per currency (column 23), over amounts with at most four decimals. */
function expectedSums(year: 2017 | 2018) {
  const sums = new Map<string, bigint>();
  let count = 0;
  for (const { fields } of recordsOf(year)) {
    if (!/^\d+(\.\d{1,4})?$/.test(fields[21])) continue;
    count += 1;
    sums.set(fields[22], (sums.get(fields[22]) ?? 0n) + (amount(fields[21]) ?? 0n));
  }
  return { count, sums };
}

async function counts() {
  const manager = subgraph.dataSource.manager;
  return { contracts: await manager.count(Contract), links: await manager.count(ContractProgram) };
}

async function rejection(inputs: CompraNetFileInput[], options?: CompraNetLoadOptions): Promise<ImportProblem[]> {
  const before = await counts();
  const error = await loadCompraNetFiles(subgraph.dataSource, inputs, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(await counts()).toEqual(before);
  return (error as ImportError).problems;
}

function write(name: string, text: string | Buffer): string {
  const directory = fs.mkdtempSync(path.join(scratch, 'f-'));
  const file = path.join(directory, name);
  fs.writeFileSync(file, text);
  return file;
}

const lines2018 = fs.readFileSync(path.join(FOLDER, '2018.sample.csv'), 'utf8').split('\n');
const lines2017 = fs.readFileSync(path.join(FOLDER, '2017.sample.csv'), 'utf8').split('\n');

/** A small 2018-layout file: the header and the first data lines, with optional edits. */
const small2018 = (edit: (lines: string[]) => string[] = (lines) => lines) => `${edit(lines2018.slice(0, 5)).join('\n')}\n`;

describe('every record of the real files is a contract or a rejected row with a reason', () => {
  test('2018 (header row): 169 records, 169 contracts, the one with four decimals read exactly', () => {
    const parsed = parseCompraNetFiles([input(2018)]);
    expect(lines2018.filter((line) => line !== '').length - 1).toBe(169);
    expect(parsed.contracts).toHaveLength(169);
    expect(parsed.rejected).toBe(0);
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rowProblems).toEqual([]);
    expect(parsed.contracts.find((c) => c.source.row === 83)?.valueAmount).toBe(38999454192n);
  });

  test('2017 (no header row, same 45 columns): 2,212 lines, 2,211 contracts, one broken line; three decimals read exactly', () => {
    const parsed = parseCompraNetFiles([input(2017)]);
    expect(lines2017.filter((line) => line !== '').length).toBe(2212);
    expect(parsed.contracts).toHaveLength(2211);
    expect(parsed.contracts.length + parsed.rejected).toBe(2212);
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rowProblems.map((p) => [p.row, p.field, p.value])).toEqual([[1083, undefined, undefined]]);
    expect([546, 663, 2078].map((row) => parsed.contracts.find((c) => c.source.row === row)?.valueAmount)).toEqual([
      10951879840n,
      21693915280n,
      11637931250n,
    ]);
    // Line 1083 is cut off inside an opened quote; the six records after it are read, not swallowed.
    expect(parsed.rowProblems[0].reason).toContain('broken quoting');
    expect(parsed.contracts.map((c) => c.source.row)).toEqual(expect.arrayContaining([1084, 1085, 1086, 1087, 1088, 1089]));
    expect(parsed.contracts.find((c) => c.source.row === 1089)?.buyerAsPublished).toEqual({
      id: '020VSS998',
      name: 'DICONSA-Dirección de Comercialización #020VSS998',
    });
  });

  test('the parsed contracts are exactly the independently read records with readable amounts', () => {
    for (const year of [2018, 2017] as const) {
      const parsed = parseCompraNetFiles([input(year)]);
      expect(parsed.contracts.length).toBe(expectedSums(year).count);
      const lines = new Set(
        recordsOf(year)
          .filter(({ fields }) => /^\d+(\.\d{1,4})?$/.test(fields[21]))
          .map(({ line }) => line),
      );
      expect(new Set(parsed.contracts.map((c) => c.source.row))).toEqual(lines);
    }
  });
});

describe('loading the real files', () => {
  test('all or nothing by default: the broken line rejects the 2017 file and nothing is written', async () => {
    const problems = await rejection(REAL);
    expect(problems).toEqual([
      expect.objectContaining({ file: '2017.sample.csv', row: 1083, reason: expect.stringContaining('broken quoting') }),
    ]);
  });

  test('with skipRejectedRows the readable records load, in one transaction, and the summary counts them', async () => {
    const summary = await loadCompraNetFiles(subgraph.dataSource, REAL, { skipRejectedRows: true });
    expect(summary).toMatchObject({ inserted: 169 + 2211, updated: 0, unchanged: 0, rejected: 1 });
    expect(summary.problems).toHaveLength(1);
    expect(await counts()).toEqual({ contracts: 2380, links: LINKS });
  });

  test('sums of IMPORTE_CONTRATO through the API equal BigInt sums from the files, per currency', async () => {
    for (const year of [2018, 2017] as const) {
      const byCurrency = new Map<string, bigint>();
      let seen = 0;
      let after: string | null = null;
      for (;;) {
        const result = await subgraph.query(
          `query($after: String) { contracts(filter: {fiscalYear: ${year}}, first: 100, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { value originalValue { amount currency } } } } }`,
          { after },
        );
        expect(result.errors).toBeUndefined();
        const page = result.data!.contracts;
        for (const { node } of page.edges) {
          seen += 1;
          const { amount: text, currency } = node.originalValue;
          byCurrency.set(currency, (byCurrency.get(currency) ?? 0n) + amount(text)!);
          expect(node.value).toBe(currency === 'MXN' ? text : null);
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const expected = expectedSums(year);
      expect(seen).toBe(expected.count);
      expect(byCurrency).toEqual(expected.sums);
    }
    const [{ total }] = await subgraph.dataSource
      .getRepository(Contract)
      .createQueryBuilder('c')
      .select('CAST(SUM(c.valueAmount) AS TEXT)', 'total')
      .where('c.valueCurrency = :mxn', { mxn: 'MXN' })
      .getRawMany();
    expect(format(BigInt(total))).toBe(format(expectedSums(2018).sums.get('MXN')! + expectedSums(2017).sums.get('MXN')!));
  });

  test('a contract: id, buyer, supplier, procedure, status, provenance and program link', async () => {
    const result = await subgraph.query(`{
      inecol: contract(id: "compranet-2018/1713253") { id ocid title value signedOn fiscalYear procedureNumber procedureType status
        buyer { id } buyerAsPublished { id name } suppliers { id name } programKeys programs { id } source { dataset file row licence } }
      municipal: contract(id: "compranet-2018/1685189") { buyer { id } buyerAsPublished { id } programKeys programs { id key } }
      federal: contract(id: "compranet-2018/1677330") { buyer { id } programs { id } }
      central: contract(id: "compranet-2017/1563515") { buyer { id } buyerAsPublished { id name } }
      dollars: contract(id: "compranet-2017/1608277") { id }
      papalotla: contract(id: "compranet-2017/1526720") { value originalValue { amount currency } }
      missing: contract(id: "compranet-2018/0") { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.inecol).toEqual({
      id: 'compranet-2018/1713253',
      ocid: null,
      title: '016/ADQ/2018 Sistema de Secuenciación',
      value: '6031813.51',
      signedOn: '2018-02-09',
      fiscalYear: 2018,
      procedureNumber: 'AA-03891Q002-E3-2018',
      procedureType: 'Adjudicación Directa Federal',
      status: 'Activo',
      buyer: { id: 'MX-CPA-3891Q' },
      buyerAsPublished: { id: '03891Q002', name: 'INECOL-DEPARTAMENTO DE ADQUISICIONES #03891Q002' },
      suppliers: [{ id: '77459', name: 'BIOTECH DEL NORTE S A P I DE CV' }],
      programKeys: [],
      programs: [],
      source: { dataset: 'compranet-2018-sample', file: '2018.sample.csv', row: 2, licence: 'Libre Uso MX' },
    });
    expect(result.data!.municipal).toEqual({
      buyer: null,
      buyerAsPublished: { id: '817008963' },
      programKeys: ['16K007'],
      programs: [{ id: '2018:16K007', key: '16K007' }],
    });
    expect(result.data!.federal).toEqual({ buyer: { id: 'MX-CPA-09A00' }, programs: [{ id: '2018:09K003' }] });
    // SEGOB's central purchasing unit (`000`) names no responsible unit: only the buyer as published.
    expect(result.data!.central).toEqual({
      buyer: null,
      buyerAsPublished: { id: '004000998', name: 'SEGOB-Subdirección de Adquisiciones #004000998' },
    });
    // Published with three decimals, served with all of them.
    expect(result.data!.papalotla).toEqual({ value: '1095187.984', originalValue: { amount: '1095187.984', currency: 'MXN' } });
    // The IMSS record of line 1083 is the broken one.
    expect(result.data!.dollars).toBeNull();
    expect(result.data!.missing).toBeNull();
  });

  test('a contract in another currency has no MXN value and keeps its original amount', async () => {
    const usd = recordsOf(2017).find(({ fields }) => fields[22] === 'USD')!;
    const result = await subgraph.query(`{ contract(id: "compranet-2017/${usd.fields[17]}") { value originalValue { amount currency } } }`);
    expect(result.data!.contract).toEqual({ value: null, originalValue: { amount: format(amount(usd.fields[21])!), currency: 'USD' } });
  });

  test('contracts by program and by buyer', async () => {
    const result = await subgraph.query(`{
      fortalece: contracts(filter: {programId: "2017:11U006"}) { totalCount }
      diconsa: contracts(filter: {buyerId: "MX-CPA-20VSS", fiscalYear: 2017}) { totalCount }
    }`);
    const file = recordsOf(2017);
    expect(result.data!.fortalece.totalCount).toBe(file.filter(({ fields }) => fields[27].startsWith('11U006-')).length);
    expect(result.data!.diconsa.totalCount).toBe(file.filter(({ fields }) => fields[3].startsWith('020VSS')).length);
  });

  test('loading the same files again reports 0 inserted, 0 updated and leaves the same rows', async () => {
    const before = await counts();
    const summary = await loadCompraNetFiles(subgraph.dataSource, REAL, { skipRejectedRows: true });
    expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 2380, rejected: 1 });
    expect(await counts()).toEqual(before);
  });

  test('a changed record is one update, and its program link is replaced rather than duplicated', async () => {
    const edited = lines2018.map((line) =>
      line.includes(',1685189,')
        ? line.replace('16K007-P INFRA AGUA POT ALCANT Y SANE', '09K003-PROY CONST CARRETERAS').replace(',464929.97,', ',464929.98,')
        : line,
    );
    expect(edited).not.toEqual(lines2018);
    const file = write('2018.sample.csv', edited.join('\n'));
    const summary = await loadCompraNetFiles(subgraph.dataSource, [input(2018, file)], { skipRejectedRows: true });
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 168, rejected: 0 });
    const result = await subgraph.query(`{ contract(id: "compranet-2018/1685189") { value programs { id } } }`);
    expect(result.data!.contract).toEqual({ value: '464929.98', programs: [{ id: '2018:09K003' }] });
    expect(await counts()).toEqual({ contracts: 2380, links: LINKS });
    const restored = await loadCompraNetFiles(subgraph.dataSource, [input(2018)], { skipRejectedRows: true });
    expect(restored).toMatchObject({ inserted: 0, updated: 1, unchanged: 168 });
  });
});

describe('reading what real files throw at an importer', () => {
  test('UTF-8 with a byte-order mark and CRLF, Latin-1, and lower-case header names read the same', () => {
    const text = small2018();
    const reference = parseCompraNetFiles([input(2018, write('2018.sample.csv', text))]).contracts;
    const variants = [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]),
      Buffer.from(text, 'latin1'),
      text.replace(lines2018[0], lines2018[0].toLowerCase()),
    ];
    expect(reference).toHaveLength(4);
    for (const variant of variants) {
      const parsed = parseCompraNetFiles([input(2018, write('2018.sample.csv', variant))]);
      expect(parsed.rowProblems).toEqual([]);
      expect(parsed.contracts).toEqual(reference);
    }
  });

  test('the amount rule: thousands separators between groups of three, up to four decimals, trailing zeros beyond', () => {
    expect(exactAmount('1,234.50')).toBe(12345000n);
    expect(exactAmount('1,234,567')).toBe(12345670000n);
    expect(exactAmount('12.500')).toBe(125000n);
    expect(exactAmount('12.345')).toBe(123450n);
    expect(exactAmount('1,095,187.9840')).toBe(10951879840n);
    expect(exactAmount('12.500000')).toBe(125000n);
    expect(exactAmount('-0.07')).toBe(-700n);
    for (const bad of ['1,234.5x', '1,23.5', '12,34', '1.234,50', '', '12.34567', '$12', '99999999999999999999.99']) {
      expect(typeof exactAmount(bad)).toBe('string');
    }
  });

  test('buying units map to responsible units only when the key names one', () => {
    expect(federalUnitId('012M7F001')).toBe('MX-CPA-12M7F');
    expect(federalUnitId('019GYR008')).toBe('MX-CPA-19GYR');
    expect(federalUnitId('004000998')).toBeNull();
    expect(federalUnitId('923039994')).toBeNull();
    expect(federalUnitId(null)).toBeNull();
  });
});

describe('malformed inputs are rejected with a clear message and leave the database unchanged', () => {
  test('a truncated file (the last record cut inside a quoted field)', async () => {
    const cut = lines2018[4].indexOf('"') + 10;
    const file = write('truncated.csv', `${lines2018.slice(0, 4).join('\n')}\n${lines2018[4].slice(0, cut)}`);
    const problems = await rejection([input(2018, file)]);
    expect(problems).toEqual([expect.objectContaining({ file: 'truncated.csv', row: 5, reason: expect.stringContaining('never closed') })]);
  });

  test('a header without a required column, and a first line that is neither header nor record', async () => {
    const renamed = write(
      'header.csv',
      small2018((lines) => [lines[0].replace('IMPORTE_CONTRATO', 'IMPORTE'), ...lines.slice(1)]),
    );
    expect(await rejection([input(2018, renamed)], { skipRejectedRows: true })).toEqual([
      expect.objectContaining({
        file: 'header.csv',
        row: 1,
        field: 'IMPORTE_CONTRATO',
        reason: 'required column is missing from the header',
      }),
    ]);
    const garbage = write('garbage.csv', `id,amount\n1,2\n`);
    expect(await rejection([input(2018, garbage)], { skipRejectedRows: true })).toEqual([
      expect.objectContaining({
        file: 'garbage.csv',
        row: 1,
        reason: expect.stringContaining('neither a CompraNet header row nor a record'),
      }),
    ]);
  });

  test('an amount that is not exact ("1,234.5x")', async () => {
    const file = write(
      'amount.csv',
      small2018((lines) => [lines[0], lines[1].replace(',6031813.51,', ',"1,234.5x",'), ...lines.slice(2)]),
    );
    const problems = await rejection([input(2018, file)]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'amount.csv',
        row: 2,
        field: 'IMPORTE_CONTRATO',
        value: '1,234.5x',
        reason: expect.stringContaining('is not an amount'),
      }),
    ]);
  });

  test('the same contract code twice (refused even when skipping rejected rows)', async () => {
    const file = write(
      'duplicate.csv',
      small2018((lines) => [...lines, lines[2]]),
    );
    const problems = await rejection([input(2018, file)], { skipRejectedRows: true });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'duplicate.csv',
        row: 6,
        field: 'CODIGO_CONTRATO',
        value: '1703388',
        reason: 'repeats the contract code of line 3',
      }),
    ]);
  });

  test('a record with the wrong number of fields, a bad date and a bad currency, all reported at once', async () => {
    const first2017 = lines2017[0];
    const file = write(
      'fields.csv',
      `${first2017}\n${first2017.replace('APF,SAE,', 'APF,')}\n${lines2017[1].replace(',2017-08-24,', ',24/08/2017,').replace(',MXN,', ',pesos,')}\n`,
    );
    const problems = await rejection([input(2017, file)]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'fields.csv', row: 2, reason: 'has 44 fields where the layout has 45' }),
      expect.objectContaining({ file: 'fields.csv', row: 3, field: 'MONEDA', value: 'pesos' }),
      expect.objectContaining({ file: 'fields.csv', row: 3, field: 'FECHA_INICIO', value: '24/08/2017' }),
    ]);
  });
});
