import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseMoney, formatMoney } from '../../subgraphs/kit/money';
import { programKey } from '../../subgraphs/kit/ids';
import { FOLLOW_THE_MONEY } from '../../tools/bench/follow-the-money.query';
import { startFederation, type TestFederation } from '../helpers/federation';

/** Sums a column of the shipped PEF sample for one program, straight from the file with BigInt. */
function sampleTotal(year: number, key: string, column: string): string {
  const rows: Record<string, string>[] = parse(fs.readFileSync(path.resolve(__dirname, `../../data/shcp-pef/${year}.sample.csv`)), {
    columns: true,
  });
  const total = rows
    .filter((row) => programKey(row.id_ramo, row.id_modalidad, row.id_pp) === key)
    .reduce((sum, row) => sum + (parseMoney(row[column]) ?? 0n), 0n);
  return formatMoney(total);
}

let api: TestFederation;
beforeAll(async () => {
  api = await startFederation();
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

describe('the Follow-the-Money query through the gateway', () => {
  test("answers for Tlaxcala's commitment #3 from all four subgraphs, with the sample's exact figures", async () => {
    const { status, data, errors } = await api.query(FOLLOW_THE_MONEY, { id: 'MX-TLA-PAL-2016-03' });
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    const commitment = data!.commitment;

    // commitments
    expect(commitment.title).toMatch(/FORTAMUN/);
    expect(commitment.themes).toContain('FOLLOW_THE_MONEY');
    // institutions, through commitments
    expect(commitment.actionPlan.state.name).toBe('Tlaxcala');
    expect(commitment.actionPlan.state.openGovernmentMetric).toEqual([{ year: 2017, index: 0.29 }]);
    expect(commitment.responsibleInstitution).toEqual(expect.objectContaining({ kind: 'EXECUTIVE', order: 'STATE' }));
    // budgets: the commitment names FORTAMUN and FISM in its own text
    const fortamun = commitment.allocations.find((a: any) => a.program?.key === '33I005');
    expect(fortamun).toEqual({
      assigned: null,
      basis: 'COMMITMENT_TEXT',
      program: {
        key: '33I005',
        name: 'FORTAMUN',
        fiscalYear: 2018,
        totals: { approved: sampleTotal(2018, '33I005', 'monto_aprobado'), paid: sampleTotal(2018, '33I005', 'monto_pagado') },
      },
    });
    expect(fortamun.program.totals).toEqual({ approved: '1369724738.00', paid: '342431184.00' });
    expect(commitment.allocations).toHaveLength(2);
    // The sample has no line for these municipalities: unknown, never a national figure.
    expect(commitment.funding).toEqual({ approved: null, modified: null, exercised: null, paid: null, executionRate: null });
    expect(commitment.contracts).toEqual([]);
    // archives
    expect(commitment.records.length).toBeGreaterThan(0);
    expect(commitment.records[0].series.retention).toEqual({ activeYears: expect.any(Number), semiActiveYears: expect.any(Number) });
    // The reserved audit file on FORTAMUN documents this commitment too, but its subjects are not disclosed.
    expect(commitment.records.map((record: any) => record.access)).toEqual(['PUBLIC', 'PUBLIC', 'PUBLIC']);
    expect(commitment.records.every((record: any) => record.title !== null)).toBe(true);
  });

  test('follows contracts to payments and the records that document them', async () => {
    const { data, errors } = await api.query(
      `{ contract(id: "ocds-07smqs-1109/201720005131") { title buyer { id name kind } value transactions { id moment amount records { code series { code } } } records { code } } }`,
    );
    expect(errors).toBeUndefined();
    const contract = data!.contract;
    expect(contract.buyer.id).toBe('MX-CPA-20147');
    expect(contract.buyer.name).toBeTruthy();
    expect(contract.value).toBe('1109.90');
    const paid = contract.transactions.find((t: any) => t.moment === 'PAID');
    expect(paid.amount).toBe('1109.90');
    expect(paid.records.map((r: any) => r.series.code)).toEqual(['05C.14']);
    expect(contract.records.length).toBeGreaterThan(0);
  });

  test('an unknown id is null, not an error', async () => {
    const { data, errors } = await api.query(FOLLOW_THE_MONEY, { id: 'MX-XXX-PAL-1900-99' });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ commitment: null });
  });

  test('a malformed request is a GraphQL error with a code', async () => {
    const parseError = await api.query('{ commitment(id: "x") { title ');
    expect(parseError.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknownField = await api.query('{ commitment(id: "x") { nonsense } }');
    expect(unknownField.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const tooMany = await api.query('{ commitments(first: 100000) { totalCount } }');
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test("one request reads every subgraph's data version, and a figure's provenance names its file's load", async () => {
    const { data, errors } = await api.query(`{
      dataVersion { institutions { version } commitments { version } budgets { version files { file } } archives { version loadedAt } }
      commitment(id: "MX-TLA-PAL-2016-03") { source { file load { format version sha256 } } }
    }`);
    expect(errors).toBeUndefined();
    const { dataVersion, commitment } = data!;
    for (const name of ['institutions', 'commitments', 'budgets', 'archives']) expect(dataVersion[name].version).toBe(1);
    expect(dataVersion.budgets.files.map((load: { file: string }) => load.file)).toContain('2018.sample.csv');
    expect(dataVersion.archives.loadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(commitment.source.load).toEqual({ format: 'sample', version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  test('readiness reports the schema and every subgraph up', async () => {
    const response = await fetch(api.gateway.url.replace('/graphql', '/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      checks: { schema: 'up', institutions: 'up', commitments: 'up', budgets: 'up', archives: 'up', participation: 'up' },
    });
  });
});
