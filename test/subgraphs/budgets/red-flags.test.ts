import fs from 'node:fs';
import path from 'node:path';
import { definition } from '../../../subgraphs/budgets/definition';
import { RED_FLAG_CODES, RedFlagCode, RedFlagStatus } from '../../../subgraphs/budgets/entities/red-flag.object';
import { loadCompraNetFiles } from '../../../subgraphs/budgets/importers/compranet.importer';
import { ocds } from '../../../subgraphs/budgets/importers/ocds.format';
import { importFormat } from '../../helpers/formats';
import { describeWithRealData, realData } from '../../helpers/real-data';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { DATA } from './expected';
import { COMPRANET, compraNetExpectations, compraNetRows, ocdsSingleBidders } from './red-flags.expected';
import { storedChecks, storedChecksOf } from './red-flags.stored';

const compraNet = (year: 2017 | 2018) => ({ file: path.join(COMPRANET, `${year}.sample.csv`), year, dataset: `compranet-${year}-sample` });

function jsonFilesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(folder, name));
}

/** Raised and checked counts per flag among the stored checks of the contracts whose id starts with `prefix`. */
async function storedCounts(subgraph: TestSubgraph, prefix: string) {
  const rows = await storedChecks(subgraph.dataSource);
  const mine = rows.filter((row) => row.contractId.startsWith(prefix));
  return Object.fromEntries(
    RED_FLAG_CODES.map((code) => {
      const of = mine.filter((row) => row.code === code);
      return [
        code,
        {
          checked: of.filter((row) => row.status !== RedFlagStatus.NOT_APPLICABLE).length,
          raised: of.filter((row) => row.status === RedFlagStatus.RAISED).length,
        },
      ];
    }),
  );
}

describe('red flags computed at import, counted against the files read independently', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition, { loadSample: false });
    // The 2017 file has one broken line (78 fields), left out as the importer reports it.
    await loadCompraNetFiles(subgraph.dataSource, [compraNet(2017), compraNet(2018)], { skipRejectedRows: true });
    await importFormat(subgraph.dataSource, ocds, [path.join(DATA, 'ocds')]);
  });
  afterAll(() => subgraph.close());

  test('CompraNet 2017 and 2018: every flag raised and checked as often as the files say', async () => {
    const rows = [...compraNetRows(2017), ...compraNetRows(2018)];
    expect(rows).toHaveLength(2211 + 169);
    const expected = compraNetExpectations(rows);
    const stored = await storedCounts(subgraph, 'compranet-');
    for (const code of RED_FLAG_CODES) {
      expect({ code, ...stored[code] }).toEqual({ code, checked: expected[code].checked, raised: expected[code].raised });
    }
    // The figures themselves, so that a change in both readings at once shows.
    expect(stored.STARTED_BEFORE_SIGNED).toEqual({ checked: 886, raised: 153 });
    expect(stored.AMENDED).toEqual({ checked: 2380, raised: 57 });
    expect(stored.SHORT_SUBMISSION_PERIOD).toEqual({ checked: 506, raised: 112 });
    expect(stored.REPEATED_DIRECT_AWARD).toEqual({ checked: 1823, raised: 223 });
  });

  test('REPEATED_DIRECT_AWARD names the same contracts as the independent grouping', async () => {
    const expected = compraNetExpectations([...compraNetRows(2017), ...compraNetRows(2018)]).REPEATED_DIRECT_AWARD.raisedIds.sort();
    const raised = await storedChecksOf(subgraph.dataSource, RedFlagCode.REPEATED_DIRECT_AWARD, RedFlagStatus.RAISED);
    expect(
      raised
        .map((row) => row.contractId)
        .filter((id) => id.startsWith('compranet-'))
        .sort(),
    ).toEqual(expected);
  });

  test('shipped OCDS: SINGLE_BIDDER equals the open/selective processes with one tenderer', async () => {
    const expected = ocdsSingleBidders(jsonFilesUnder(path.join(DATA, 'ocds')));
    const stored = await storedCounts(subgraph, '');
    const compraNetOnly = await storedCounts(subgraph, 'compranet-');
    expect(stored.SINGLE_BIDDER.raised - compraNetOnly.SINGLE_BIDDER.raised).toBe(expected.raised);
    expect(stored.SINGLE_BIDDER.checked - compraNetOnly.SINGLE_BIDDER.checked).toBe(expected.checked);
    // Mexico City's invitations 065, 066 and 069 of 2015 each received one bid.
    expect(expected.raised).toBe(3);
  });

  test('contract 1713253 (CompraNet 2018, a direct award) shows what its row implies and nothing else', async () => {
    const [row] = compraNetRows(2018).filter((r) => r.CODIGO_CONTRATO === '1713253');
    expect(row.TIPO_PROCEDIMIENTO).toBe('Adjudicación Directa Federal');
    const checks = (await storedChecks(subgraph.dataSource)).filter((check) => check.contractId === 'compranet-2018/1713253');
    const status = Object.fromEntries(checks.map((check) => [check.code, check.status]));
    const sameBuyerAndSupplier = compraNetRows(2017)
      .concat(compraNetRows(2018))
      .filter((other) => other.CLAVEUC === row.CLAVEUC && other.FOLIO_RUPC === row.FOLIO_RUPC && other.id !== row.id);
    expect(status).toEqual({
      // Direct award: no call for proposals, no competition to have a single bidder in.
      SHORT_SUBMISSION_PERIOD: RedFlagStatus.NOT_APPLICABLE,
      SINGLE_BIDDER: RedFlagStatus.NOT_APPLICABLE,
      // Started 2018-02-09, signed 2018-02-09: the same day.
      STARTED_BEFORE_SIGNED: row.FECHA_INICIO < row.FECHA_CELEBRACION ? RedFlagStatus.RAISED : RedFlagStatus.NOT_RAISED,
      AMENDED: row.CONVENIO_MODIFICATORIO === '1' ? RedFlagStatus.RAISED : RedFlagStatus.NOT_RAISED,
      REPEATED_DIRECT_AWARD: sameBuyerAndSupplier.length > 0 ? RedFlagStatus.RAISED : RedFlagStatus.NOT_RAISED,
      // LATE_PUBLICATION is never stored: unknown, never clean.
    });
    expect(status.STARTED_BEFORE_SIGNED).toBe(RedFlagStatus.NOT_RAISED);
    expect(status.AMENDED).toBe(RedFlagStatus.NOT_RAISED);
  });

  test('loading the same files again writes no contract and keeps the checks', async () => {
    const before = await storedChecks(subgraph.dataSource);
    const statements = await subgraph.sqlDuring(() =>
      loadCompraNetFiles(subgraph.dataSource, [compraNet(2017), compraNet(2018)], { skipRejectedRows: true }),
    );
    // The REPEATED_DIRECT_AWARD update runs at each load; it writes only the contracts whose status changed (none here).
    const writes = /^\s*(INSERT INTO|DELETE FROM)\s+("?\w+"?\.)?"?contract"?[\s(]/i;
    expect(statements.filter((s) => writes.test(s.query))).toEqual([]);
    expect(await storedChecks(subgraph.dataSource)).toEqual(before);
  });
});

describeWithRealData('red flags over the publishers’ full OCDS files', () => {
  let subgraph: TestSubgraph;
  const shared = (...parts: string[]) => realData('ocds_mx', ...parts);
  const folders = () => [
    shared('administracion-publica-federal', 'sample', 'records'),
    shared('inai', 'sample', 'releases'),
    shared('cdmx', 'sample', 'releases'),
    shared('jalisco', 'sample', 'records'),
    shared('grupo-aeroportuario', 'sample', 'records'),
  ];
  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition, { loadSample: false });
  });
  afterAll(() => subgraph.close());

  test('SINGLE_BIDDER equals the files’ count of open/selective processes with numberOfTenderers = 1', async () => {
    for (const folder of folders()) await importFormat(subgraph.dataSource, ocds, [folder]);
    const expected = ocdsSingleBidders(folders().flatMap(jsonFilesUnder));
    expect(await storedCounts(subgraph, '')).toMatchObject({ SINGLE_BIDDER: expected });
  });
});
