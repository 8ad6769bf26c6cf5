import { Client } from 'pg';
import { Column, DataSource, Entity, PrimaryColumn, type EntityManager, type Logger } from 'typeorm';
import { upsertAll } from '../../../subgraphs/kit/import/bulk-write';
import { COPY_FROM_ROWS, COPY_ROWS_PER_MERGE } from '../../../subgraphs/kit/import/copy-writer';
import { MONEY_MAX, moneyColumn, type Money } from '../../../subgraphs/kit/money';
import { describeOnPostgres } from '../../helpers/subgraph';

/** A table of every kind of column a bulk write may meet, for this test alone (its own schema, synchronized). */
@Entity('copy_probe')
class Probe {
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Column({ type: 'bigint', nullable: true, transformer: moneyColumn })
  amount: Money | null;

  @Column({ type: 'integer', nullable: true })
  count: number | null;

  @Column({ type: 'double precision', nullable: true })
  ratio: number | null;

  @Column({ type: 'numeric', precision: 30, scale: 10, nullable: true })
  exact: string | null;

  /** No column type: TypeORM binds it as 1 or 0. */
  @Column({ nullable: true })
  inferred: boolean;

  @Column({ type: 'boolean', nullable: true })
  flag: boolean | null;

  @Column({ type: 'date', nullable: true })
  day: string | null;

  @Column({ type: 'timestamp', nullable: true })
  at: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  atZone: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  document: unknown;

  @Column({ type: 'json', nullable: true })
  plainJson: unknown;

  @Column({ type: 'simple-json', nullable: true })
  simple: unknown;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'varchar', nullable: true })
  label: string | null;

  @Column({ type: 'bytea', nullable: true })
  bytes: Buffer | null;
}

/** Text COPY's format gives a meaning to (backslash, tab, newline, CR, `\N`), and what the array path quotes. */
const AWKWARD = [
  'tab\there',
  'line\nbreak',
  'carriage\rreturn\r\n',
  'back\\slash \\N \\t \\\\',
  '\\N',
  'NULL',
  '',
  ' leading and trailing ',
  '"quotes", \'apostrophes\', {braces}, (parens), commas,',
  'ñandú — 漢字 😀',
  '\u0001 control \u007f',
];
const AMOUNTS: (Money | null)[] = [MONEY_MAX, -MONEY_MAX, 0n, -1n, null, 123_456_789_012n];

function probe(i: number, generation = 0): Probe {
  const row = new Probe();
  row.id = `p-${String(i).padStart(6, '0')}`;
  row.amount = AMOUNTS[(i + generation) % AMOUNTS.length];
  row.count = i % 5 === 0 ? null : i - 2_000_000_000 + generation;
  row.ratio = i % 4 === 0 ? null : [0.1, -1e300, 5e-324, 1 / 3, 2 ** 53 + 1][i % 5];
  row.exact = i % 6 === 0 ? null : ['-12345678901234567890.0123456789', '0.0000000001', '42.0000000000'][i % 3];
  row.inferred = i % 2 === 0;
  row.flag = i % 3 === 0 ? null : i % 3 === 1;
  row.day = i % 7 === 0 ? null : `20${String(10 + (i % 20))}-0${1 + (i % 9)}-${10 + (i % 19)}`;
  row.at = i % 8 === 0 ? null : new Date(Date.UTC(2024, i % 12, 1 + (i % 28), i % 24, i % 60, i % 60, i % 1000));
  row.atZone = i % 9 === 0 ? null : new Date(Date.UTC(1999, 11, 31, 23, 59, 59, i % 1000));
  const text = AWKWARD[(i + generation) % AWKWARD.length];
  row.document = i % 10 === 0 ? null : { text, n: i, list: [text, null, true], nested: { 'key\twith\ttabs': 'a\\b' } };
  row.plainJson = i % 11 === 0 ? null : [text, i];
  row.simple = i % 12 === 0 ? null : { text };
  row.text = i % 13 === 0 ? null : `${text}${i}`;
  row.label = AWKWARD[i % AWKWARD.length];
  row.bytes = i % 14 === 0 ? null : Buffer.from([0, 9, 10, 13, 92, 255, i % 256]);
  return row;
}

const probes = (count: number, generation = 0) => Array.from({ length: count }, (_, i) => probe(i, generation));

describeOnPostgres('the COPY write path (PostgreSQL)', () => {
  const schema = `copy_writer_${process.pid}`;
  const url = process.env.DATABASE_URL!;
  let dataSource: DataSource;
  const sent: string[] = [];
  const logger: Logger = {
    logQuery: (query) => void sent.push(query),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };

  beforeAll(async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
    dataSource = new DataSource({
      type: 'postgres',
      url,
      schema,
      extra: { options: `-c search_path=${schema}` },
      entities: [Probe],
      synchronize: true,
      logging: ['query'],
      logger,
    });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });
  beforeEach(async () => {
    await dataSource.getRepository(Probe).clear();
    sent.length = 0;
  });

  /** Every column as PostgreSQL's own text of the stored value, row by row in key order. */
  const storedText = async () =>
    ((await dataSource.query('SELECT t::text AS row FROM copy_probe t ORDER BY id')) as { row: string }[]).map((record) => record.row);
  const read = () => dataSource.getRepository(Probe).find({ order: { id: 'ASC' } });
  const copies = () => sent.filter((query) => query.startsWith('CREATE TEMPORARY TABLE')).length;
  const write = (manager: EntityManager, rows: Probe[]) => upsertAll(manager, Probe, rows);

  const COUNT = COPY_FROM_ROWS + 1_500;

  test('rows written by COPY read back identical, and store the very values the unnest statements store', async () => {
    expect(COUNT).toBeGreaterThan(COPY_FROM_ROWS);
    const rows = probes(COUNT);
    // Outside a transaction the writer has no connection of its own to stage on: it sends unnest statements.
    await write(dataSource.manager, rows);
    expect(copies()).toBe(0);
    const byStatements = await storedText();
    await dataSource.getRepository(Probe).clear();

    await dataSource.transaction((manager) => write(manager, rows));
    expect(copies()).toBe(1);
    expect(await storedText()).toEqual(byStatements);
    expect(await read()).toEqual(rows);
    // The staging table is gone with its write.
    expect(await dataSource.query(`SELECT relname FROM pg_class WHERE relname LIKE 'ftm_copy_staging_%'`)).toEqual([]);
  });

  test('a COPY merge updates stored rows, over several COPYs, and a small write still goes by statements', async () => {
    const count = COPY_ROWS_PER_MERGE + COPY_FROM_ROWS;
    await dataSource.transaction((manager) => write(manager, probes(count)));
    const changed = probes(count, 1);
    await dataSource.transaction((manager) => write(manager, changed));
    expect(copies()).toBe(2);
    expect(await read()).toEqual(changed);

    sent.length = 0;
    const few = probes(10, 2);
    await dataSource.transaction((manager) => write(manager, few));
    expect(copies()).toBe(0);
    expect((await read()).slice(0, 10)).toEqual(few);
  });

  test('a row the merge rejects rolls the whole load back', async () => {
    await dataSource.transaction((manager) => write(manager, probes(10)));
    const before = await storedText();
    const rows = probes(COUNT, 1);
    rows[COUNT - 1].day = 'not a date';
    await expect(dataSource.transaction((manager) => write(manager, rows))).rejects.toThrow(/date/i);
    expect(await storedText()).toEqual(before);
  });
});
