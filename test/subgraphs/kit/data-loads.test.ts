import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { definition as budgets } from '../../../subgraphs/budgets/definition';
import { ocds } from '../../../subgraphs/budgets/importers/ocds.format';
import { definition as archives } from '../../../subgraphs/archives/definition';
import { DataLoad } from '../../../subgraphs/kit/import/data-load.entity';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { DATA, inputFile, runJson, sandbox, type Sandbox } from '../../tools/import/cli';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const PEF_2017 = path.join(DATA, 'shcp-pef', '2017.sample.csv');

const VERSION = `{ dataVersion { id budgets { version loadedAt files { version format dataset file sha256 bytes rows inserted updated unchanged rejected startedAt finishedAt } } } }`;
const LINES = (first: number) =>
  `{ budgetLines(first: ${first}) { edges { node { id source { dataset file load { version format sha256 inserted } } } } } }`;

describe('the start-up sample is recorded as load 1', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await openTestSubgraph(budgets);
  });
  afterAll(() => subgraph.close());

  test('every file it read, with its checksum and size, and no counts', async () => {
    const { dataVersion } = await subgraph.data(VERSION);
    expect(dataVersion.id).toBe('current');
    expect(dataVersion.budgets.version).toBe(1);
    // The two PEF samples, the OCDS files, the allocations and the two economic series.
    const ocdsFiles = ocds.resolve(['ocds'], DATA);
    expect(dataVersion.budgets.files).toHaveLength(2 + ('files' in ocdsFiles ? ocdsFiles.files.length : Number.NaN) + 1 + 2);
    const pef = dataVersion.budgets.files.find((load: { file: string }) => load.file === '2018.sample.csv');
    const file = path.join(DATA, 'shcp-pef', '2018.sample.csv');
    expect(pef).toEqual({
      version: 1,
      format: 'sample',
      dataset: 'shcp-pef-2018-sample',
      file: '2018.sample.csv',
      sha256: sha256(file),
      bytes: fs.statSync(file).size,
      rows: null,
      inserted: null,
      updated: null,
      unchanged: null,
      rejected: null,
      startedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      finishedAt: dataVersion.budgets.loadedAt,
    });
    expect(pef.startedAt <= pef.finishedAt).toBe(true);
  });

  test("an item's provenance names the load of its file", async () => {
    const { budgetLines } = await subgraph.data(LINES(5));
    for (const { node } of budgetLines.edges) {
      const file = path.join(DATA, 'shcp-pef', node.source.file);
      expect(node.source.load).toEqual({ version: 1, format: 'sample', sha256: sha256(file), inserted: null });
    }
  });

  test('a file of 2 GiB or more is recorded with its exact size (a 2.6 GB file overflowed a 32-bit column on PostgreSQL)', async () => {
    const loads = subgraph.dataSource.getRepository(DataLoad);
    const [sample] = await loads.find({ take: 1 });
    const big = await loads.save(loads.create({ ...sample, id: undefined, version: sample.version + 1, bytes: 2_618_495_523 }));
    try {
      expect((await loads.findOneByOrFail({ id: big.id })).bytes).toBe(2_618_495_523);
      const files: { bytes: number }[] = (await subgraph.data(VERSION)).dataVersion.budgets.files;
      expect(files.map((file) => file.bytes)).toContain(2_618_495_523);
    } finally {
      await loads.delete({ id: big.id });
    }
  });

  test('the loads of 100 items cost the same statements as those of 5', async () => {
    const few = await subgraph.statementsDuring(() => subgraph.query(LINES(5)));
    const many = await subgraph.statementsDuring(() => subgraph.query(LINES(100)));
    expect(many).toBe(few);
  });

  test('every subgraph records its sample: the archives load names its six files', async () => {
    const other = await openTestSubgraph(archives);
    try {
      const { dataVersion } = await other.data('{ dataVersion { archives { version files { file dataset } } } }');
      expect(dataVersion.archives.version).toBe(1);
      expect(dataVersion.archives.files.map((load: { file: string }) => load.file)).toEqual([
        'cadido_series.csv',
        'cadido_subseries.csv',
        'cgca_sections.csv',
        'record_documents.csv',
        'record_subjects.csv',
        'records.csv',
      ]);
    } finally {
      await other.close();
    }
  });
});

describe('npm run import records every successful load, and only those', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  async function version(): Promise<{ version: number; files: Record<string, unknown>[] }> {
    const subgraph = await openTestSubgraph(budgets, { config: box.config, loadSample: false });
    try {
      // The subgraph closes by dropping its database; the CLI's next run must find it, so close only the data source.
      return (await subgraph.data(VERSION)).dataVersion.budgets;
    } finally {
      await subgraph.server.stop();
      await subgraph.dataSource.destroy();
    }
  }

  test('a load, then the same file again: two versions, the second with only unchanged rows', async () => {
    expect((await runJson(box, ['shcp-budget', PEF_2017])).code).toBe(0);
    const first = await version();
    expect(first.version).toBe(1);
    expect(first.files).toEqual([
      expect.objectContaining({
        version: 1,
        format: 'shcp-budget',
        dataset: 'shcp-pef-2017-sample',
        file: '2017.sample.csv',
        sha256: sha256(PEF_2017),
        rows: 2614,
        inserted: 2614,
        updated: 0,
        unchanged: 0,
        rejected: 0,
      }),
    ]);

    expect((await runJson(box, ['shcp-budget', PEF_2017])).code).toBe(0);
    const second = await version();
    expect(second.version).toBe(2);
    expect(second.files).toEqual([expect.objectContaining({ version: 2, rows: 2614, inserted: 0, updated: 0, unchanged: 2614 })]);
  });

  test('a dry run and a rejected file leave the version where it was', async () => {
    expect((await runJson(box, ['shcp-budget', PEF_2017, '--dry-run'])).code).toBe(0);
    const lines = fs.readFileSync(PEF_2017, 'utf8').split('\n');
    const broken = inputFile(box, '2017.csv', `${lines.slice(0, 3).join('\n')}\n${lines[3].replace(/,[^,]*$/, ',1,234.5x')}\n`);
    expect((await runJson(box, ['shcp-budget', broken])).code).toBe(1);
    expect((await version()).version).toBe(2);
  });
});
