import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULT_RED_FLAG_THRESHOLDS, readRedFlagThresholds } from '../../../common/config/red-flags';
import { definition } from '../../../subgraphs/budgets/definition';
import { ProcedureKind } from '../../../subgraphs/budgets/entities/procedure-kind.enums';
import { RedFlagCode, RedFlagStatus } from '../../../subgraphs/budgets/entities/red-flag.object';
import { loadCompraNetFiles, parseCompraNetFiles } from '../../../subgraphs/budgets/importers/compranet.importer';
import { parseOcdsFiles } from '../../../subgraphs/budgets/importers/ocds.importer';
import { contractChecks, type ContractFacts, repeatedAwards } from '../../../subgraphs/budgets/importers/shared/red-flags.rules';
import { ConfigError } from '../../../common/config/env';
import { ImportError } from '../../../subgraphs/kit/import/problems';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { COMPRANET } from './red-flags.expected';
import { storedChecks, storedChecksOf } from './red-flags.stored';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'red-flags-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const facts = (over: Partial<ContractFacts>): ContractFacts => ({
  kind: ProcedureKind.OPEN,
  international: null,
  publishedOn: null,
  opensOn: null,
  tenderers: null,
  startsOn: null,
  signedOn: null,
  amendments: null,
  ...over,
});
const statusOf = (over: Partial<ContractFacts>, code: RedFlagCode, thresholds = DEFAULT_RED_FLAG_THRESHOLDS) =>
  contractChecks(facts(over), thresholds).find((row) => row.code === code)?.status ?? RedFlagStatus.UNKNOWN;

describe('SHORT_SUBMISSION_PERIOD follows LAASSP art. 32 and 43 and says unknown where the law’s minimums disagree', () => {
  const period = (days: number) => ({
    publishedOn: '2018-01-01',
    opensOn: new Date(Date.UTC(2018, 0, 1 + days)).toISOString().slice(0, 10),
  });
  test.each([
    ['national tender, 14 days', { ...period(14), international: false }, RedFlagStatus.RAISED],
    ['national tender, 15 days', { ...period(15), international: false }, RedFlagStatus.NOT_RAISED],
    ['international tender, 19 days', { ...period(19), international: true }, RedFlagStatus.RAISED],
    ['international tender, 20 days', { ...period(20), international: true }, RedFlagStatus.NOT_RAISED],
    ['tender of unstated character, 14 days: short under either rule', { ...period(14) }, RedFlagStatus.RAISED],
    ['tender of unstated character, 17 days: the rules disagree', { ...period(17) }, RedFlagStatus.UNKNOWN],
    ['tender of unstated character, 20 days: long enough under either', { ...period(20) }, RedFlagStatus.NOT_RAISED],
    ['invitation, 4 days', { ...period(4), kind: ProcedureKind.LIMITED }, RedFlagStatus.RAISED],
    ['invitation, 5 days', { ...period(5), kind: ProcedureKind.LIMITED }, RedFlagStatus.NOT_RAISED],
    ['direct award', { kind: ProcedureKind.DIRECT }, RedFlagStatus.NOT_APPLICABLE],
    ['tender without its dates', { international: false }, RedFlagStatus.UNKNOWN],
    ['unknown procedure', { ...period(3), kind: null }, RedFlagStatus.UNKNOWN],
  ])('%s', (_, over, expected) => {
    expect(statusOf(over as Partial<ContractFacts>, RedFlagCode.SHORT_SUBMISSION_PERIOD)).toBe(expected);
  });

  test('thresholds come from configuration, validated with every problem listed', () => {
    const thresholds = readRedFlagThresholds({ RED_FLAG_NATIONAL_TENDER_DAYS: '10' });
    expect(statusOf({ ...period(12), international: false }, RedFlagCode.SHORT_SUBMISSION_PERIOD, thresholds)).toBe(
      RedFlagStatus.NOT_RAISED,
    );
    expect(() => readRedFlagThresholds({ RED_FLAG_INVITATION_DAYS: 'five', RED_FLAG_REPEAT_WINDOW_DAYS: '0' })).toThrow(ConfigError);
    try {
      readRedFlagThresholds({ RED_FLAG_INVITATION_DAYS: 'five', RED_FLAG_REPEAT_WINDOW_DAYS: '0' });
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});

test('SINGLE_BIDDER, STARTED_BEFORE_SIGNED and AMENDED: raised, not raised, not applicable or unknown', () => {
  expect(statusOf({ tenderers: 1 }, RedFlagCode.SINGLE_BIDDER)).toBe(RedFlagStatus.RAISED);
  expect(statusOf({ tenderers: 2, kind: ProcedureKind.SELECTIVE }, RedFlagCode.SINGLE_BIDDER)).toBe(RedFlagStatus.NOT_RAISED);
  expect(statusOf({ tenderers: 1, kind: ProcedureKind.DIRECT }, RedFlagCode.SINGLE_BIDDER)).toBe(RedFlagStatus.NOT_APPLICABLE);
  expect(statusOf({}, RedFlagCode.SINGLE_BIDDER)).toBe(RedFlagStatus.UNKNOWN);
  expect(statusOf({ startsOn: '2018-01-01', signedOn: '2018-01-02' }, RedFlagCode.STARTED_BEFORE_SIGNED)).toBe(RedFlagStatus.RAISED);
  expect(statusOf({ startsOn: '2018-01-02', signedOn: '2018-01-02' }, RedFlagCode.STARTED_BEFORE_SIGNED)).toBe(RedFlagStatus.NOT_RAISED);
  expect(statusOf({ startsOn: '2018-01-02' }, RedFlagCode.STARTED_BEFORE_SIGNED)).toBe(RedFlagStatus.UNKNOWN);
  expect(statusOf({ amendments: 2 }, RedFlagCode.AMENDED)).toBe(RedFlagStatus.RAISED);
  expect(statusOf({ amendments: 0 }, RedFlagCode.AMENDED)).toBe(RedFlagStatus.NOT_RAISED);
  expect(statusOf({}, RedFlagCode.AMENDED)).toBe(RedFlagStatus.UNKNOWN);
  // Never computed: no file says when a contract was first published.
  expect(statusOf({ startsOn: '2018-01-01', signedOn: '2018-01-02', amendments: 1 }, RedFlagCode.LATE_PUBLICATION)).toBe(
    RedFlagStatus.UNKNOWN,
  );
});

test('REPEATED_DIRECT_AWARD pairs: 30 days apart repeat, 31 do not; neither another buyer, another supplier nor the same contract twice', () => {
  const award = (id: string, day: string, over: { buyer?: string; supplier?: string } = {}) => ({
    id,
    buyer: over.buyer ?? 'UC-1',
    supplier: over.supplier ?? 'RFC-1',
    day,
  });
  expect(repeatedAwards([award('a', '2018-01-01'), award('b', '2018-01-31'), award('c', '2018-03-03')], 30)).toEqual(new Set(['a', 'b']));
  expect(repeatedAwards([award('a', '2018-01-01'), award('b', '2018-02-01')], 30)).toEqual(new Set());
  // A contract naming the same supplier twice is one award, however the other awards fall around it.
  expect(repeatedAwards([award('a', '2018-01-01'), award('a', '2018-01-01'), award('b', '2018-03-01')], 30)).toEqual(new Set());
  expect(repeatedAwards([award('b', '2017-12-31'), award('a', '2018-01-01'), award('a', '2018-01-01')], 30)).toEqual(new Set(['a', 'b']));
  const apart = [award('a', '2018-01-01'), award('b', '2018-01-02', { buyer: 'UC-2' }), award('c', '2018-01-02', { supplier: 'RFC-2' })];
  expect(repeatedAwards(apart, 30)).toEqual(new Set());
});

describe('CompraNet rows: bad flag fields are coded problems; repeated direct awards across loads', () => {
  const lines = fs.readFileSync(path.join(COMPRANET, '2018.sample.csv'), 'utf8').split('\n');
  const header = lines[0].split(',');
  const quoted = (fields: string[]) => fields.map((field) => (/[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
  const column = (name: string) => header.indexOf(name);
  /** The header and synthetic direct awards of one buyer to one supplier, on the given signature dates. */
  function directAwards(dates: string[], edit: (fields: string[]) => void = () => {}): string {
    const [template] = parse(lines[1]) as string[][];
    const rows = dates.map((date, i) => {
      const fields = [...template];
      fields[column('CODIGO_CONTRATO')] = String(900_000 + i);
      fields[column('FECHA_CELEBRACION')] = date;
      fields[column('FECHA_INICIO')] = date;
      edit(fields);
      return quoted(fields);
    });
    return [lines[0], ...rows].join('\n');
  }
  const file = (name: string, text: string) => {
    const folder = fs.mkdtempSync(path.join(scratch, 'f-'));
    fs.writeFileSync(path.join(folder, name), `${text}\n`);
    return { file: path.join(folder, name), year: 2018, dataset: 'compranet-2018-sample' };
  };

  test('a CONVENIO_MODIFICATORIO, CARACTER or publication date that cannot be read is a problem naming file, row and field', () => {
    expect(lines[1]).toContain('Adjudicación Directa Federal');
    const parsed = parseCompraNetFiles([
      file(
        '2018.csv',
        directAwards(['2018-02-01', '2018-02-02', '2018-02-03'], (fields) => {
          if (fields[column('CODIGO_CONTRATO')] === '900000') fields[column('CONVENIO_MODIFICATORIO')] = 'sí';
          if (fields[column('CODIGO_CONTRATO')] === '900001') fields[column('CARACTER')] = 'Regional';
          if (fields[column('CODIGO_CONTRATO')] === '900002') fields[column('PROC_F_PUBLICACION')] = '31/01/2018';
        }),
      ),
    ]);
    expect(parsed.rowProblems.map(({ row, field, value }) => ({ row, field, value }))).toEqual([
      { row: 2, field: 'CONVENIO_MODIFICATORIO', value: 'sí' },
      { row: 3, field: 'CARACTER', value: 'Regional' },
      { row: 4, field: 'PROC_F_PUBLICACION', value: '31/01/2018' },
    ]);
    expect(parsed.contracts).toEqual([]);
  });

  describe('stored', () => {
    let subgraph: TestSubgraph;
    beforeAll(async () => {
      subgraph = await openTestSubgraph(definition, { loadSample: false });
    });
    afterAll(() => subgraph.close());
    const repeated = async () =>
      Object.fromEntries(
        (await storedChecksOf(subgraph.dataSource, RedFlagCode.REPEATED_DIRECT_AWARD)).map((row) => [
          row.contractId.split('/')[1],
          row.status,
        ]),
      );

    test('30 days apart repeats, 31 does not; a later load repeats an earlier one; a blanked date turns a check back to unknown', async () => {
      await loadCompraNetFiles(subgraph.dataSource, [file('2018.csv', directAwards(['2018-01-01', '2018-01-31', '2018-03-03']))]);
      expect(await repeated()).toEqual({
        '900000': RedFlagStatus.RAISED,
        '900001': RedFlagStatus.RAISED,
        '900002': RedFlagStatus.NOT_RAISED,
      });
      // Another file, loaded later: its award 10 days after the third one makes both repeated.
      const later = directAwards(['2018-03-13']).replace(',900000,', ',900100,');
      await loadCompraNetFiles(subgraph.dataSource, [file('2018-b.csv', later)]);
      expect((await repeated())['900002']).toBe(RedFlagStatus.RAISED);
      expect((await repeated())['900100']).toBe(RedFlagStatus.RAISED);
      // The first file again without its signature and start dates: its STARTED_BEFORE_SIGNED checks go.
      const before = (await storedChecksOf(subgraph.dataSource, RedFlagCode.STARTED_BEFORE_SIGNED)).length;
      expect(before).toBe(4);
      const blank = directAwards(['2018-01-01', '2018-01-31', '2018-03-03'], (fields) => {
        fields[column('FECHA_CELEBRACION')] = '';
      });
      await loadCompraNetFiles(subgraph.dataSource, [file('2018.csv', blank)]);
      expect(await storedChecksOf(subgraph.dataSource, RedFlagCode.STARTED_BEFORE_SIGNED)).toHaveLength(1);
    });
  });

  test('an invalid load writes no check (all or nothing)', async () => {
    const subgraph = await openTestSubgraph(definition, { loadSample: false });
    try {
      const bad = directAwards(['2018-01-01', '2018-01-02'], (fields) => {
        if (fields[column('CODIGO_CONTRATO')] === '900001') fields[column('CONVENIO_MODIFICATORIO')] = '2';
      });
      const error = await loadCompraNetFiles(subgraph.dataSource, [file('2018.csv', bad)]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems.map(({ row, field, reason }) => ({ row, field, reason }))).toEqual([
        { row: 3, field: 'CONVENIO_MODIFICATORIO', reason: 'is not 0 or 1' },
      ]);
      expect(await storedChecks(subgraph.dataSource)).toEqual([]);
    } finally {
      await subgraph.close();
    }
  });
});

test('OCDS: a numberOfTenderers that is not a whole number is a problem at its JSON path', () => {
  const release = {
    ocid: 'ocds-abcdef-1',
    id: '1',
    date: '2018-01-01T00:00:00Z',
    tag: ['tender'],
    tender: { procurementMethod: 'open', numberOfTenderers: 'uno' },
    contracts: [{ id: 'c1', dateSigned: '2018-01-02T00:00:00Z' }],
  };
  const folder = fs.mkdtempSync(path.join(scratch, 'o-'));
  fs.writeFileSync(path.join(folder, 'release.json'), JSON.stringify({ releases: [release] }));
  const parsed = parseOcdsFiles([{ file: path.join(folder, 'release.json') }]);
  expect(parsed.rowProblems.map(({ path: at, field }) => ({ at, field }))).toEqual([
    { at: '$.releases[0].tender.numberOfTenderers', field: 'numberOfTenderers' },
  ]);
  expect(parsed.contracts).toEqual([]);
});
