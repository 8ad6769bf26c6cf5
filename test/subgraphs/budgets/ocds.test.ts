import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { definition } from '../../../subgraphs/budgets/definition';
import { Contract } from '../../../subgraphs/budgets/entities/contract.entity';
import { ContractProgram } from '../../../subgraphs/budgets/entities/contract-program.entity';
import { Transaction } from '../../../subgraphs/budgets/entities/transaction.entity';
import { ocds } from '../../../subgraphs/budgets/importers/ocds.format';
import { parseOcdsFiles } from '../../../subgraphs/budgets/importers/ocds.importer';
import type { ParsedOcds } from '../../../subgraphs/budgets/importers/ocds/process.reader';
import { ImportError, type ImportProblem } from '../../../subgraphs/kit/import/problems';
import { importFormat, rowsOf } from '../../helpers/formats';
import { describeWithRealData, realData, testWithRealData } from '../../helpers/real-data';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { amount, DATA } from './expected';

/** The real OCDS files of open-contracting/sample-data, as the real-data folder holds them. */
const shared = (...parts: string[]) => realData('ocds_mx', ...parts);
/** Two of Jalisco's compiled records, shipped as fixtures: their stage releases are in data/ocds/jalisco. */
const JALISCO_RECORDS = path.resolve(__dirname, '../../fixtures/ocds/jalisco-records');

function jsonFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(folder, name));
}

const inputs = (files: string[]) => files.map((file) => ({ file }));

/** Contract and transaction rows without their provenance, for comparing two readings of the same process. */
function facts(parsed: ParsedOcds, ocids?: Set<string>) {
  const keep = (ocid: string) => !ocids || ocids.has(ocid);
  const plain = (row: object) =>
    JSON.stringify({ ...row, source: undefined }, (_, value) => (typeof value === 'bigint' ? String(value) : value));
  return {
    contracts: parsed.contracts
      .filter((c) => keep(c.ocid!))
      .map(plain)
      .sort(),
    transactions: parsed.transactions
      .filter((t) => keep(t.contractId.split('/')[0]))
      .map(plain)
      .sort(),
  };
}

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ocds-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('every OCDS container shape gives the same contracts', () => {
  const release = JSON.parse(fs.readFileSync(path.join(DATA, 'ocds', 'inai', 'PC-0010-PC-0010.json'), 'utf8'));
  const shapes: [string, unknown, string][] = [
    ['release', release, '$.contracts[0]'],
    ['release package', { publisher: { name: 'INAI' }, releases: [release] }, '$.releases[0].contracts[0]'],
    [
      'record package (compiledRelease)',
      { records: [{ ocid: release.ocid, compiledRelease: release }] },
      '$.records[0].compiledRelease.contracts[0]',
    ],
    [
      'record package (embedded releases only)',
      { records: [{ ocid: release.ocid, releases: [release] }] },
      '$.records[0].releases[0].contracts[0]',
    ],
    [
      'record',
      { ocid: release.ocid, releases: [{ url: 'https://example.org/r1', date: release.date, tag: release.tag }], compiledRelease: release },
      '$.compiledRelease.contracts[0]',
    ],
  ];
  const expected = facts(parseOcdsFiles(inputs([path.join(DATA, 'ocds', 'inai', 'PC-0010-PC-0010.json')])));

  test.each(shapes)('%s', (name, content, contractPath) => {
    const parsed = parseOcdsFiles(inputs([write(`${name.replace(/\W+/g, '-')}.json`, content)]));
    expect(parsed.problems).toEqual([]);
    expect(facts(parsed)).toEqual(expected);
    expect(parsed.contracts.map((c) => [c.source.dataset, c.source.path])).toEqual([['ocds-mx-inai', contractPath]]);
    expect(parsed.transactions[0].source.path).toBe(`${contractPath}.implementation.transactions[0]`);
  });
});

describe('releases of one ocid merge across the files of a load', () => {
  testWithRealData('CDMX: the per-stage release files give what the publisher compiled in its records', () => {
    const releases = parseOcdsFiles(inputs(jsonFiles(shared('cdmx', 'sample', 'releases'))));
    const records = parseOcdsFiles(inputs(jsonFiles(shared('cdmx', 'sample', 'records'))));
    expect([releases.problems, records.problems]).toEqual([[], []]);
    const ocids = new Set(records.contracts.map((c) => c.ocid!));
    expect(ocids.size).toBe(4);
    expect(facts(releases, ocids)).toEqual(facts(records));
    expect(records.transactions).toHaveLength(44);
  });

  test('Jalisco: the planning, tender, award, contract and implementation release packages give the compiled record', () => {
    const stages = (process: string) =>
      jsonFiles(path.join(DATA, 'ocds', 'jalisco')).filter((file) => path.basename(file).startsWith(`${process}-`));
    for (const process of ['ocds-xs1qbl-SFIN-03-0001-00-2017', 'ocds-xs1qbl-SFIN-03-0007-00-2017']) {
      const merged = parseOcdsFiles(inputs(stages(process)));
      const record = parseOcdsFiles(inputs([path.join(JALISCO_RECORDS, `${process}.json`)]));
      expect([merged.problems, record.problems]).toEqual([[], []]);
      expect(merged.contracts).toHaveLength(1);
      expect(facts(merged)).toEqual(facts(record));
    }
  });

  test('a merged value names the release file that supplied it; an amended value replaces the first one', () => {
    const parsed = parseOcdsFiles(
      inputs(jsonFiles(path.join(DATA, 'ocds', 'cdmx')).filter((file) => file.includes('SEFIN-DRM-A-001-2016'))),
    );
    const first = JSON.parse(fs.readFileSync(path.join(DATA, 'ocds', 'cdmx', 'OCDS-87SD3T-SEFIN-DRM-A-001-2016-01.json'), 'utf8'));
    const last = JSON.parse(fs.readFileSync(path.join(DATA, 'ocds', 'cdmx', 'OCDS-87SD3T-SEFIN-DRM-A-001-2016-03.json'), 'utf8'));
    expect(first.contracts[0].value.amount).not.toBe(last.contracts[0].value.amount);
    const [contract] = parsed.contracts;
    expect(contract.valueAmount).toBe(amount(String(last.contracts[0].value.amount)));
    expect(contract.source).toMatchObject({
      dataset: 'ocds-mx-cdmx',
      file: 'OCDS-87SD3T-SEFIN-DRM-A-001-2016-03.json',
      path: '$.contracts[0]',
    });
  });

  test("a record's compiledRelease is used, and separate releases of its ocid are set aside with a note (Jalisco)", () => {
    const process = 'ocds-xs1qbl-SFIN-03-0007-00-2017';
    const files = [
      path.join(JALISCO_RECORDS, `${process}.json`),
      ...jsonFiles(path.join(DATA, 'ocds', 'jalisco')).filter((file) => path.basename(file).startsWith(`${process}-`)),
    ];
    const parsed = parseOcdsFiles(inputs(files));
    expect(parsed.problems).toEqual([]);
    expect(parsed.contracts.map((c) => c.source.file)).toEqual([`${process}.json`]);
    expect(parsed.notes).toEqual([expect.stringContaining(`the 5 release(s) of ${process}-20180118T043956210Z-planning.json`)]);
  });

  testWithRealData("a record's compiledRelease is used, and separate releases of its ocid are set aside with a note", () => {
    const files = [
      shared('cdmx', 'sample', 'records', 'OCDS-87SD3T-SEFIN-DRM-A-001-2016.json'),
      ...jsonFiles(shared('cdmx', 'sample', 'releases')).filter((file) => file.includes('SEFIN-DRM-A-001-2016')),
    ];
    const parsed = parseOcdsFiles(inputs(files));
    expect(parsed.problems).toEqual([]);
    expect(parsed.contracts.map((c) => c.source.file)).toEqual(['OCDS-87SD3T-SEFIN-DRM-A-001-2016.json']);
    expect(parsed.notes).toEqual([expect.stringContaining('the 3 release(s) of OCDS-87SD3T-SEFIN-DRM-A-001-2016-01.json')]);
  });
});

describe('publishers', () => {
  test('CDMX payments keep their CLC numbers, payer and payee (OCDS 1.0 providerOrganization / receiverOrganization)', () => {
    const file = path.join(DATA, 'ocds', 'cdmx', 'OCDS-87SD3T-SEFIN-DRM-A-001-2016-03.json');
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')).contracts[0].implementation.transactions[0];
    const parsed = parseOcdsFiles(inputs([file]));
    expect(parsed.transactions[0]).toMatchObject({
      id: `OCDS-87SD3T-SEFIN-DRM-A-001-2016/1/${raw.id}`,
      moment: 'PAID',
      date: raw.date.slice(0, 10),
      amountValue: amount(String(raw.amount.amount)),
      payer: { id: raw.providerOrganization.id, name: raw.providerOrganization.legalName },
      payee: { id: raw.receiverOrganization.id, name: raw.receiverOrganization.legalName },
    });
    expect(raw.id).toMatch(/^CLC/);
  });

  test('no program or institution link where the data states none; suppliers come from the award the contract names', () => {
    const parsed = parseOcdsFiles(
      inputs([
        ...jsonFiles(path.join(DATA, 'ocds', 'cdmx')),
        ...jsonFiles(path.join(DATA, 'ocds', 'jalisco')),
        ...jsonFiles(path.join(DATA, 'ocds', 'gacm')),
      ]),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.links).toEqual([]);
    expect(parsed.contracts.every((c) => c.buyerId === null && c.programKeys.length === 0)).toBe(true);
    expect(parsed.transactions.every((t) => t.programId === null)).toBe(true);
    const gacm = parsed.contracts.find((c) => c.source.dataset === 'ocds-mx-gacm')!;
    const record = JSON.parse(fs.readFileSync(path.join(DATA, 'ocds', 'gacm', '10.json'), 'utf8')).compiledRelease;
    expect(gacm.id).toBe(`10/${record.contracts[0].id}`);
    expect(gacm.suppliers).toEqual(record.awards[0].suppliers);
  });

  test('another publisher is read under its ocid prefix; an ocid without one is rejected by name', () => {
    const release = {
      ocid: 'ocds-abc123-0001',
      date: '2020-01-01T00:00:00Z',
      contracts: [{ id: '1', value: { amount: 10.5, currency: 'MXN' } }],
    };
    expect(parseOcdsFiles(inputs([write('other.json', release)])).contracts.map((c) => [c.id, c.source.dataset, c.valueAmount])).toEqual([
      ['ocds-abc123-0001/1', 'ocds-abc123', 105000n],
    ]);
    expect(parseOcdsFiles(inputs([write('bare.json', { ...release, ocid: 'X-1' })])).problems).toEqual([
      expect.objectContaining({
        file: 'bare.json',
        path: '$.ocid',
        field: 'ocid',
        value: 'X-1',
        reason: expect.stringContaining('registered OCDS prefix'),
      }),
    ]);
  });

  testWithRealData('Jalisco contract values with three decimals are read exactly, not rounded and not rejected', () => {
    const parsed = parseOcdsFiles(inputs(jsonFiles(shared('jalisco', 'sample', 'records'))));
    expect(parsed.problems).toEqual([]);
    expect(parsed.contracts).toHaveLength(20);
    const subCentavo = parsed.contracts.filter((c) => c.valueAmount !== null && c.valueAmount % 100n !== 0n);
    expect(subCentavo.map((c) => c.valueAmount).sort()).toEqual([2596582860n, 554637760n, 5987268080n, 6576409460n]);
    expect(parsed.transactions.some((t) => t.contractId.startsWith('ocds-xs1qbl-02-0070-00-2017/'))).toBe(true);
  });

  test('an amount finer than a ten-thousandth or beyond the 64-bit range is rejected by path, never rounded', () => {
    // Written as text: JSON.stringify would have rounded the numbers already.
    const file = (name: string, amount: string) =>
      write(
        name,
        `{"ocid": "ocds-abc123-${name}", "date": "2020-01-01T00:00:00Z", "contracts": [{"id": "1", "value": {"amount": ${amount}, "currency": "MXN"}}]}`,
      );
    const parsed = parseOcdsFiles(
      inputs([file('fine.json', '12.34567'), file('huge.json', '99999999999999999999.99'), file('over-2-53.json', '900719925474099.31')]),
    );
    expect(parsed.problems.map((p) => [p.file, p.path, p.field, p.value, p.reason])).toEqual([
      ['fine.json', '$.contracts[0].value.amount', 'amount', '12.34567', expect.stringContaining('has 5 decimals')],
      ['huge.json', '$.contracts[0].value.amount', 'amount', '99999999999999999999.99', expect.stringContaining('out of range')],
    ]);
    // Over 2⁵³ centavos and a double's 15 digits, yet within storage: read digit for digit.
    expect(parsed.contracts.map((c) => c.valueAmount)).toEqual([9007199254740993100n]);
  });
});

/**
 * Sums computed straight from the files, independently of the importer: the compiled release of each record, or for
 * releases the last value (by release date) of each contract and payment id.
 */
function fileSums(files: string[]) {
  const releases: { date: string; release: any }[] = [];
  for (const file of files) {
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    const records = document.records ?? (document.compiledRelease ? [document] : null);
    if (records) releases.push(...records.map((record: any) => ({ date: '', release: record.compiledRelease })));
    else releases.push(...(document.releases ?? [document]).map((release: any) => ({ date: release.date ?? '', release })));
  }
  releases.sort((a, b) => Date.parse(a.date || '1970-01-01') - Date.parse(b.date || '1970-01-01'));
  const contracts = new Set<string>();
  const values = new Map<string, [bigint, string]>();
  const payments = new Map<string, [bigint, string]>();
  for (const { release } of releases) {
    for (const contract of release.contracts ?? []) {
      const value = contract.value ?? contract.valueWithTax;
      const id = `${release.ocid}/${contract.id}`;
      contracts.add(id);
      if (value?.amount !== undefined) values.set(id, [amount(String(value.amount))!, value.currency ?? 'MXN']);
      for (const payment of contract.implementation?.transactions ?? []) {
        const paid = payment.value ?? payment.amount;
        // INAI publishes some payments without an amount: no figure to sum.
        if (paid?.amount === undefined) continue;
        payments.set(`${id}/${payment.id}`, [amount(String(paid.amount))!, paid.currency ?? 'MXN']);
      }
    }
  }
  const byCurrency = (map: Map<string, [bigint, string]>) => {
    const sums: Record<string, string> = {};
    for (const [value, currency] of map.values()) sums[currency] = String(BigInt(sums[currency] ?? 0) + value);
    return sums;
  };
  return { contracts: contracts.size, values: byCurrency(values), payments: byCurrency(payments), paymentCount: payments.size };
}

describeWithRealData(
  'each publisher loads with no problem, its sums through the API equal the files to the centavo, and loads again unchanged',
  () => {
    let subgraph: TestSubgraph;
    beforeAll(async () => {
      subgraph = await openTestSubgraph(definition, { loadSample: false });
    });
    afterAll(() => subgraph.close());

    // Listed when the test runs: the folders exist only where the real data does.
    const PUBLISHERS: [string, () => string[]][] = [
      ['ocds-mx-federal', () => jsonFiles(shared('administracion-publica-federal', 'sample', 'records'))],
      ['ocds-mx-inai', () => jsonFiles(shared('inai', 'sample', 'releases'))],
      ['ocds-mx-cdmx', () => jsonFiles(shared('cdmx', 'sample', 'releases'))],
      ['ocds-mx-jalisco', () => jsonFiles(shared('jalisco', 'sample', 'records'))],
      ['ocds-mx-gacm', () => jsonFiles(shared('grupo-aeroportuario', 'sample', 'records'))],
    ];

    async function apiSums(dataset: string) {
      const values: Record<string, bigint> = {};
      const payments: Record<string, bigint> = {};
      let contracts = 0;
      let paymentCount = 0;
      let after: string | null = null;
      const add = (into: Record<string, bigint>, money: { amount: string; currency: string }) => {
        into[money.currency] = (into[money.currency] ?? 0n) + amount(money.amount)!;
      };
      for (;;) {
        const result = await subgraph.query(
          `query($after: String) { contracts(first: 100, after: $after) { edges { node { source { dataset } originalValue { amount currency }
          transactions { moment originalAmount { amount currency } } } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(result.errors).toBeUndefined();
        const page = (result.data as any).contracts;
        for (const { node } of page.edges) {
          if (node.source.dataset !== dataset) continue;
          contracts += 1;
          if (node.originalValue) add(values, node.originalValue);
          for (const transaction of node.transactions) {
            if (dataset === 'ocds-mx-federal' || !transaction.originalAmount) continue;
            paymentCount += 1;
            add(payments, transaction.originalAmount);
          }
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const text = (sums: Record<string, bigint>) =>
        Object.fromEntries(Object.entries(sums).map(([currency, sum]) => [currency, String(sum)]));
      return { contracts, values: text(values), payments: text(payments), paymentCount };
    }

    test.each(PUBLISHERS)('%s', async (dataset, filesOf) => {
      const files = filesOf();
      const manager = subgraph.dataSource.manager;
      const before = await manager.count(Contract);
      const parsed = await importFormat(subgraph.dataSource, ocds, files);
      expect([...parsed.fatal, ...parsed.skippable]).toEqual([]);
      expect(new Set(rowsOf(parsed, Contract).map((c) => c.source.dataset))).toEqual(new Set([dataset]));
      const expected = fileSums(files);
      expect(expected.contracts).toBeGreaterThan(0);
      expect(await manager.count(Contract)).toBe(before + expected.contracts);
      // Federal transactions are budget measures, not payments: their figures are checked against the PEF elsewhere.
      const sums = await apiSums(dataset);
      expect(sums).toEqual(dataset === 'ocds-mx-federal' ? { ...expected, payments: {}, paymentCount: 0 } : expected);

      const stored = async () => [
        await manager.find(Contract, { order: { id: 'ASC' } }),
        await manager.count(Transaction),
        await manager.count(ContractProgram),
      ];
      const first = await stored();
      await importFormat(subgraph.dataSource, ocds, files);
      expect(await stored()).toEqual(first);
    });
  },
);

describe('malformed OCDS input is rejected with a clear message, and nothing is written', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition, { loadSample: false });
  });
  afterAll(() => subgraph.close());

  async function rejected(content: unknown, name = 'bad.json'): Promise<ImportProblem[]> {
    const good = jsonFiles(path.join(DATA, 'ocds', 'gacm'));
    const error = await importFormat(subgraph.dataSource, ocds, [...good, write(name, content)]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(await subgraph.dataSource.manager.count(Contract)).toBe(0);
    expect(await subgraph.dataSource.manager.count(Transaction)).toBe(0);
    return (error as ImportError).problems;
  }

  test('invalid JSON', async () => {
    expect(await rejected('{"releases": [{"ocid": "ocds-87sd3t-1",')).toEqual([
      expect.objectContaining({ file: 'bad.json', path: '$', reason: expect.stringContaining('not valid JSON') }),
    ]);
  });

  test('a release package whose releases is not an array', async () => {
    expect(await rejected({ publisher: { name: 'x' }, releases: { ocid: 'ocds-87sd3t-1' } })).toEqual([
      expect.objectContaining({
        file: 'bad.json',
        path: '$.releases',
        field: 'releases',
        reason: 'must be a non-empty array in a release package',
      }),
    ]);
  });

  test('a release without an ocid, and contracts that are not an array', async () => {
    expect(
      await rejected({ releases: [{ ocid: 'ocds-87sd3t-1', contracts: [] }, { id: '2' }, { ocid: 'ocds-87sd3t-2', contracts: {} }] }),
    ).toEqual([
      expect.objectContaining({
        path: '$.releases[1].ocid',
        field: 'ocid',
        reason: expect.stringContaining('names its contracting process'),
      }),
      expect.objectContaining({ path: '$.releases[2].contracts', field: 'contracts', reason: 'must be an array' }),
    ]);
  });

  test('a record whose releases are only links and that has no compiledRelease', async () => {
    expect(
      await rejected({
        records: [{ ocid: 'ocds-xs1qbl-1', releases: [{ url: 'https://example.org/r', date: '2018-01-18T04:39:56Z', tag: ['planning'] }] }],
      }),
    ).toEqual([
      expect.objectContaining({
        path: '$.records[0]',
        field: 'compiledRelease',
        reason: expect.stringContaining('import the release files'),
      }),
    ]);
  });

  test('something that is no OCDS container at all', async () => {
    expect(await rejected({ data: [] })).toEqual([
      expect.objectContaining({ path: '$', reason: expect.stringContaining('expected a release package') }),
    ]);
  });

  test('two contracts with one id in one release', async () => {
    const problems = await rejected({
      ocid: 'ocds-87sd3t-1',
      contracts: [
        { id: 'c', value: { amount: 1 } },
        { id: 'c', value: { amount: 2 } },
      ],
    });
    expect(problems).toEqual([
      expect.objectContaining({
        path: '$.contracts[1]',
        field: 'id',
        value: 'c',
        reason: 'repeats the id of $.contracts[0] in the same release',
      }),
    ]);
  });
});
