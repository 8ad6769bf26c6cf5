import { definition } from '../../../subgraphs/budgets/definition';
import { Contract } from '../../../subgraphs/budgets/entities/contract.entity';
import { ProcedureKind } from '../../../subgraphs/budgets/entities/procedure-kind.enums';
import { RedFlagStatus } from '../../../subgraphs/budgets/entities/red-flag.object';
import { compareWithStored } from '../../../subgraphs/kit/import/import-summary';
import { BulkTable, KEYS_PER_SELECT, Upsert, upsertAll } from '../../../subgraphs/kit/import/bulk-write';
import { COPY_FROM_ROWS, COPY_ROWS_PER_MERGE } from '../../../subgraphs/kit/import/copy-writer';
import { inTransaction } from '../../../subgraphs/kit/import/load-transaction';
import { sourceAt } from '../../../subgraphs/kit/provenance';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition, { loadSample: false });
});
afterAll(async () => {
  await subgraph.close();
});
beforeEach(async () => {
  await subgraph.dataSource.getRepository(Contract).clear();
});

/** Amounts at the edges of exactness: the largest integer a double holds exactly, a negative one, zero, none. */
const AMOUNTS = [9_007_199_254_740_991n, -1n, 0n, null, 123_456_789_012n];

function contract(i: number): Contract {
  const row = new Contract();
  row.id = `bulk-${String(i).padStart(5, '0')}`;
  row.ocid = i % 2 === 0 ? `ocds-bulk-${i}` : null;
  // Text a bulk path must not mistake for syntax: an array literal's NULL, an empty string.
  row.procedureNumber = i % 11 === 0 ? 'NULL' : i % 13 === 0 ? '' : null;
  row.procedureType = i % 3 === 0 ? 'Licitación Pública' : null;
  // Every column set, so that a row read back equals the one written (a column left unset reads back as null).
  row.procedureKind = i % 3 === 0 ? ProcedureKind.OPEN : null;
  row.status = 'Activo';
  row.title = `Contrato ${i}`;
  row.description = i % 7 === 0 ? 'con "comillas", comas, {llaves}, \\barras\\, ñ y\nun salto de línea' : null;
  row.buyerId = null;
  row.buyerAsPublished = i % 2 === 0 ? { id: 'UR-1', name: 'Comprador' } : null;
  row.suppliers = [{ id: `RFC${i}`, name: `Proveedor ${i}` }];
  row.valueAmount = AMOUNTS[i % AMOUNTS.length];
  row.valueCurrency = 'MXN';
  row.signedOn = '2024-01-02';
  row.startsOn = i % 4 === 0 ? null : '2024-01-03';
  row.fiscalYear = i % 5 === 0 ? null : 2024;
  row.programKeys = ['20P002', `0${i % 9}E001`];
  row.source = sourceAt('synthetic', 'bulk.json', { path: `$.contracts[${i}]` });
  row.shortSubmissionFlag = i % 3 === 0 ? RedFlagStatus.NOT_RAISED : null;
  row.singleBidderFlag = null;
  row.startedBeforeSignedFlag = row.startsOn === null ? null : RedFlagStatus.NOT_RAISED;
  row.amendedFlag = i % 6 === 0 ? RedFlagStatus.RAISED : RedFlagStatus.NOT_RAISED;
  row.repeatedDirectAwardFlag = row.procedureKind === null ? null : RedFlagStatus.NOT_APPLICABLE;
  row.redFlagFigures = i % 6 === 0 ? { AMENDED: { amendments: 1 } } : null;
  return row;
}

const contracts = (count: number) => Array.from({ length: count }, (_, i) => contract(i));
const plain = (row: Contract) => ({ ...row, source: { ...row.source } });
const stored = async () => (await subgraph.dataSource.getRepository(Contract).find({ order: { id: 'ASC' } })).map(plain);
/** A bare transaction: a load's (inTransaction) would add the statements that rebuild the search rows. */
const upsert = (rows: Contract[]) =>
  subgraph.statementsDuring(() => subgraph.dataSource.transaction((manager) => upsertAll(manager, Contract, rows)));

/**
 * Statements an upsert of `rows` rows sends when `written` of them are new or changed: one SELECT a batch of keys, then
 * the INSERTs; or, on PostgreSQL from COPY_FROM_ROWS rows on, the staging table's CREATE and DROP and per COPY a merge
 * and (after the first) a TRUNCATE, the COPY itself going by the raw connection, which the count does not see.
 */
function statementsFor(rows: number, written: number): number {
  const selects = Math.ceil(rows / KEYS_PER_SELECT);
  if (subgraph.dataSource.options.type === 'postgres' && written >= COPY_FROM_ROWS)
    return selects + 2 * Math.ceil(written / COPY_ROWS_PER_MERGE) + 1;
  const perStatement = new BulkTable(subgraph.dataSource.manager, Contract).rowsPerStatement;
  return selects + Math.ceil(written / perStatement);
}

describe('the bulk upsert (upsertAll)', () => {
  const COUNT = 4_500;

  test('inserts rows over several statements, every value exact: bigint money, nulls, JSON, embedded provenance', async () => {
    const rows = contracts(COUNT);
    const perStatement = new BulkTable(subgraph.dataSource.manager, Contract).rowsPerStatement;
    expect(COUNT).toBeGreaterThan(perStatement);
    // BEGIN and COMMIT are statements too.
    expect(await upsert(rows)).toBe(2 + statementsFor(COUNT, COUNT));
    expect(await stored()).toEqual(rows.map(plain));
    const big = await subgraph.dataSource.getRepository(Contract).findOneByOrFail({ id: 'bulk-00000' });
    expect(big.valueAmount).toBe(9_007_199_254_740_991n);
  });

  test('re-writing the same rows sends no write at all, only the SELECTs that find them unchanged', async () => {
    const rows = contracts(COUNT);
    await upsert(rows);
    expect(await upsert(contracts(COUNT))).toBe(2 + statementsFor(COUNT, 0));
    expect(await stored()).toEqual(rows.map(plain));
  });

  test('updates changed rows in place, including to and from null, and writes only those', async () => {
    await upsert(contracts(COUNT));
    const rows = contracts(COUNT);
    rows[1].valueAmount = -9_007_199_254_740_991n;
    rows[3].valueAmount = null;
    rows[5].description = 'ahora con descripción';
    rows[10].suppliers = [];
    rows[4_000].source.path = '$.contracts[9999]';
    expect(await upsert(rows)).toBe(2 + statementsFor(COUNT, 5));
    expect(await subgraph.dataSource.getRepository(Contract).count()).toBe(COUNT);
    expect(await stored()).toEqual(rows.map(plain));
  });

  test('a statement failing in the middle of a load leaves the database as it was', async () => {
    await upsert(contracts(10));
    const before = await stored();
    const rows = contracts(COUNT);
    rows[0].title = 'changed by the failed load';
    // NOT NULL column: the last INSERT statement fails after the first ones succeeded.
    rows[COUNT - 1].suppliers = null as never;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(upsert(rows)).rejects.toThrow(/NOT NULL|not-null/i);
    } finally {
      logged.mockRestore();
    }
    expect(await stored()).toEqual(before);
  });

  test('a column set only by rows after the first batch is written for them (upsertAll sees every row)', async () => {
    const rows = contracts(COUNT).map((row, i) => Object.assign(row, i < KEYS_PER_SELECT ? { repeatedDirectAwardFlag: undefined } : {}));
    await upsert(rows);
    const flags = await subgraph.dataSource.getRepository(Contract).find({ select: { id: true, repeatedDirectAwardFlag: true } });
    const expected = contracts(COUNT).map((row, i) => (i < KEYS_PER_SELECT ? null : row.repeatedDirectAwardFlag));
    expect(flags.sort((a, b) => a.id.localeCompare(b.id)).map((row) => row.repeatedDirectAwardFlag)).toEqual(expected);
  });

  test('a staged write (rows in no key order, merged in key order at the end) stores exactly what a direct one does', async () => {
    await upsert(contracts(10));
    const rows = contracts(COUNT).reverse();
    rows[COUNT - 2].title = 'changed by the staged load';
    rows[COUNT - 4].valueAmount = 7n;
    const staged = async (batch: Contract[]) =>
      subgraph.dataSource.transaction(async (manager) => {
        const write = new Upsert(manager, Contract, { total: batch.length, staged: true });
        const written: Contract[] = [];
        for (let start = 0; start < batch.length; start += KEYS_PER_SELECT) {
          written.push(...(await write.add(batch.slice(start, start + KEYS_PER_SELECT))));
        }
        await write.finish();
        return written;
      });
    const unsetInLastBatch = contracts(COUNT).map((row, i) => Object.assign(row, i >= 4_000 ? { repeatedDirectAwardFlag: undefined } : {}));
    await expect(staged(unsetInLastBatch)).rejects.toThrow(/every batch of one write must set the same columns/);
    expect((await staged(rows)).map((row) => row.id).sort()).toEqual(
      contracts(COUNT)
        .filter((_, i) => i >= 10 || i === 1 || i === 3)
        .map((row) => row.id),
    );
    expect(await stored()).toEqual([...rows].reverse().map(plain));
    // The staging table is gone: a second staged write in the same session creates it again.
    expect(await staged(contracts(COUNT))).toHaveLength(2);
  });

  test('compareWithStored sorts rows into inserted, updated and unchanged', async () => {
    await upsert(contracts(100));
    const rows = contracts(150);
    rows[7].valueAmount = 1n;
    rows[8].programKeys = ['20P002'];
    const comparison = await inTransaction(subgraph.dataSource, (manager) => compareWithStored(manager, Contract, rows));
    expect(comparison.inserted.map((row) => row.id)).toEqual(rows.slice(100).map((row) => row.id));
    expect(comparison.updated.map((row) => row.id)).toEqual(['bulk-00007', 'bulk-00008']);
    expect(comparison.unchanged).toHaveLength(98);
  });
});
