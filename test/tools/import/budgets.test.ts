import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { BudgetLine } from '../../../subgraphs/budgets/entities/budget-line.entity';
import { BudgetProgram } from '../../../subgraphs/budgets/entities/budget-program.entity';
import { Contract } from '../../../subgraphs/budgets/entities/contract.entity';
import { Transaction } from '../../../subgraphs/budgets/entities/transaction.entity';
import { COMPRANET_COLUMNS } from '../../../subgraphs/budgets/importers/compranet.importer';
import { definition } from '../../../subgraphs/budgets/definition';
import { openTestSubgraph } from '../../helpers/subgraph';
import { realData, testWithRealData } from '../../helpers/real-data';
import { countRows, DATA, inputFile, run, runJson, sandbox, type Sandbox } from './cli';

const PEF_2017 = path.join(DATA, 'shcp-pef', '2017.sample.csv');
const PEF_2018 = path.join(DATA, 'shcp-pef', '2018.sample.csv');
const COMPRANET_2018 = path.join(DATA, 'compranet', '2018.sample.csv');
const COMPRANET_2017 = path.join(DATA, 'compranet', '2017.sample.csv');

const linesOf = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''));
const quoted = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The header and the first `count` data lines of the 2017 PEF sample, with one field of data line `at` (1-based) set to `value`. */
function pefWithField(count: number, at: number, field: string, value: string): { text: string; edited: string } {
  const lines = linesOf(PEF_2017).slice(0, count + 1);
  const column = lines[0].split(',').indexOf(field);
  const [fields] = parse(lines[at]) as string[][];
  fields[column] = value;
  lines[at] = fields.map(quoted).join(',');
  return { text: `${lines.join('\n')}\n`, edited: lines[at] };
}

const budgetCounts = (box: Sandbox) => countRows(box, 'budgets', [BudgetLine, BudgetProgram]);

describe('shcp-budget into an empty budgets database', () => {
  let box: Sandbox;
  beforeAll(async () => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test('a dry run against a database that does not exist yet creates nothing and reports every row as new', async () => {
    const { code, report } = await runJson(box, ['shcp-budget', PEF_2017, '--dry-run']);
    expect(code).toBe(0);
    expect(report).toMatchObject({ dryRun: true, written: false, summary: { inserted: 2614, updated: 0, unchanged: 0, rejected: 0 } });
    expect(report.database).toContain('does not exist yet');
    if (box.config.database.kind === 'sqlite')
      expect(fs.existsSync(path.join(box.config.database.directory, 'budgets.sqlite'))).toBe(false);
  });

  test('the real 2017 sample loads: exit 0, every line inserted, counts in the database', async () => {
    const { code, report, stderr } = await runJson(box, ['shcp-budget', PEF_2017]);
    expect(code).toBe(0);
    expect(report.files).toEqual([
      { file: PEF_2017, rows: 2614, inserted: 2614, updated: 0, unchanged: 0, rejected: 0, counted: true, unit: 'budget lines' },
    ]);
    expect(report.summary).toEqual({ inserted: 2614, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.entities).toEqual([
      { entity: 'budget lines', inserted: 2614, updated: 0, unchanged: 0 },
      { entity: 'budget programs', inserted: 404, updated: 0, unchanged: 0 },
    ]);
    expect(report).toMatchObject({ format: 'shcp-budget', subgraph: 'budgets', written: true, dryRun: false, problems: [], exitCode: 0 });
    // The shipped sample's own dataset id, so re-importing it keeps its provenance.
    expect(report.warnings).toEqual([]);
    expect(stderr).toContain('Loaded: 2614 inserted, 0 updated, 0 unchanged; 0 rejected.');
    expect(await budgetCounts(box)).toEqual([2614, 404]);
  });

  test('importing it again inserts and updates nothing', async () => {
    const { code, stdout } = await run(box, ['shcp-budget', PEF_2017]);
    expect(code).toBe(0);
    expect(stdout).toContain('budget lines: 0 inserted, 0 updated, 2614 unchanged; 0 rejected');
    expect(await budgetCounts(box)).toEqual([2614, 404]);
  });

  test('--dry-run reports what would change and changes nothing', async () => {
    const { code, report } = await runJson(box, ['shcp-budget', PEF_2018, PEF_2017, '--dry-run']);
    expect(code).toBe(0);
    expect(report.summary).toEqual({ inserted: 2186, updated: 0, unchanged: 2614, rejected: 0 });
    expect(report.written).toBe(false);
    expect(await budgetCounts(box)).toEqual([2614, 404]);
  });

  test('an amount "1,234.5x": exit 1, nothing written, the rejects file holds the row unchanged with its problem', async () => {
    const { text, edited } = pefWithField(10, 3, 'monto_ejercido', '1,234.5x');
    const file = inputFile(box, '2017.sample.csv', text);
    const { code, report } = await runJson(box, ['shcp-budget', file]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ written: false, summary: { inserted: 0, updated: 0, unchanged: 0, rejected: 1 } });
    expect(report.problems).toEqual([
      {
        file,
        row: 4,
        field: 'monto_ejercido',
        value: '1,234.5x',
        reason: 'is not an amount (digits, optional "-", "." before at most four decimals)',
      },
    ]);
    expect(await budgetCounts(box)).toEqual([2614, 404]);

    expect(report.rejectsFiles).toEqual(['2017.sample.csv.rejects.csv']);
    const rejects = linesOf(path.join(box.cwd, '2017.sample.csv.rejects.csv'));
    expect(rejects[0]).toBe(`${linesOf(PEF_2017)[0]},_problem`);
    expect(rejects[1]).toBe(
      `${edited},"field ""monto_ejercido"" = ""1,234.5x"": is not an amount (digits, optional ""-"", ""."" before at most four decimals)"`,
    );
    expect(rejects.slice(2)).toEqual(['']);
  });

  test('amounts storage cannot hold exactly are rejected with file, row, field and reason; four decimals are no problem', async () => {
    const lines = linesOf(PEF_2017).slice(0, 5);
    const column = lines[0].split(',').indexOf('monto_aprobado');
    const set = (at: number, value: string) => {
      const [fields] = parse(lines[at]) as string[][];
      fields[column] = value;
      lines[at] = fields.map(quoted).join(',');
    };
    set(1, '99999999999999999999.99');
    set(2, '12.34567');
    set(3, '922337203685477.5808');
    set(4, '-1095187.9841');
    const file = inputFile(box, 'range.csv', `${lines.join('\n')}\n`);
    const { code, report } = await runJson(box, ['shcp-budget', file, '--dry-run']);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      { file, row: 2, field: 'monto_aprobado', value: '99999999999999999999.99', reason: expect.stringContaining('is out of range') },
      { file, row: 3, field: 'monto_aprobado', value: '12.34567', reason: expect.stringContaining('has 5 decimals') },
      { file, row: 4, field: 'monto_aprobado', value: '922337203685477.5808', reason: expect.stringContaining('is out of range') },
    ]);
    // Line 5's four decimals are no problem; the file is refused whole for the other three.
    expect(report.summary).toMatchObject({ inserted: 0, rejected: 3 });
  });

  test('the rejects file neutralises cells a spreadsheet would run as formulas; numbers, negative ones too, stay', async () => {
    const lines = linesOf(PEF_2017).slice(0, 2);
    const header = lines[0].split(',');
    const [fields] = parse(lines[1]) as string[][];
    fields[header.indexOf('desc_pp')] = '=HYPERLINK("http://example.invalid","clic")';
    fields[header.indexOf('desc_ur')] = '@SUM(A1:A9)';
    fields[header.indexOf('desc_ai')] = '+cmd|calc';
    fields[header.indexOf('desc_ramo')] = '\t=1+1';
    fields[header.indexOf('monto_pagado')] = '-12.50';
    fields[header.indexOf('monto_aprobado')] = '=1+1';
    const file = inputFile(box, 'formulas.csv', `${lines[0]}\n${fields.map(quoted).join(',')}\n`);
    const { code } = await run(box, ['shcp-budget', file, '--dry-run']);
    expect(code).toBe(1);
    const [row] = parse(fs.readFileSync(path.join(box.cwd, 'formulas.csv.rejects.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(row).toMatchObject({
      desc_pp: `'=HYPERLINK("http://example.invalid","clic")`,
      desc_ur: "'@SUM(A1:A9)",
      desc_ai: "'+cmd|calc",
      desc_ramo: "'\t=1+1",
      monto_pagado: '-12.50',
      monto_aprobado: "'=1+1",
      ciclo: '2017',
    });
    // The problem column quotes the value, so it starts with plain text.
    expect(row._problem).toBe('field "monto_aprobado" = "=1+1": is not an amount (digits, optional "-", "." before at most four decimals)');
  });

  test('the human summary lists each problem with file, line, field and value; --rejects chooses the file', async () => {
    const { text } = pefWithField(5, 2, 'monto_pagado', '12.3.4');
    const file = inputFile(box, 'bad.csv', text);
    const { code, stdout } = await run(box, ['shcp-budget', file, '--rejects', 'fix/me.csv']);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}, line 3: field "monto_pagado" = "12.3.4" is not an amount`);
    expect(stdout).toContain('Nothing was written');
    expect(stdout).toContain('fix/me.csv');
    expect(linesOf(path.join(box.cwd, 'fix', 'me.csv'))).toHaveLength(3);
    expect(fs.existsSync(path.join(box.cwd, 'bad.csv.rejects.csv'))).toBe(false);
  });

  test('--max-errors 1 stops before the next file and lists one problem; nothing is written', async () => {
    const first = inputFile(box, 'a.csv', pefWithField(4, 1, 'id_ramo', 'X').text);
    const second = inputFile(box, 'b.csv', pefWithField(4, 2, 'monto_pagado', 'abc').text);
    const withTwo = inputFile(box, 'c.csv', pefWithField(4, 3, 'id_pp', 'ZZZZ').text.replace('\n2017,', '\n17,'));
    const { code, report, stderr } = await runJson(box, ['shcp-budget', first, second, withTwo, '--max-errors', '1']);
    expect(code).toBe(1);
    expect(report).toMatchObject({ stoppedEarly: true, written: false, notRead: [second, withTwo], problemCount: 1 });
    expect(report.problems).toEqual([expect.objectContaining({ file: first, row: 2, field: 'id_ramo', value: 'X' })]);
    expect(report.files.map((file) => file.file)).toEqual([first]);
    expect(stderr).toContain('Stopped early');
    expect(await budgetCounts(box)).toEqual([2614, 404]);

    const two = await runJson(box, ['shcp-budget', withTwo, '--max-errors=1']);
    expect(two.report).toMatchObject({
      stoppedEarly: true,
      problemCount: 2,
      problems: [expect.objectContaining({ row: 2, field: 'ciclo' })],
    });
    expect(two.stderr).toContain('… and 1 more');
  });

  test('without --max-errors every problem is reported; the listing stops at 50 lines, the JSON has them all', async () => {
    const lines = linesOf(PEF_2017).slice(0, 61);
    const file = inputFile(box, 'many.csv', `${lines.map((line, i) => (i === 0 ? line : line.replace(/^2017,/, 'year,'))).join('\n')}\n`);
    const { code, report, stderr } = await runJson(box, ['shcp-budget', file]);
    expect(code).toBe(1);
    expect(report.problems).toHaveLength(report.problemCount);
    expect(report.summary.rejected).toBe(60);
    expect(stderr.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(50);
    expect(stderr).toContain(`… and ${report.problemCount - 50} more`);
    expect(linesOf(path.join(box.cwd, 'many.csv.rejects.csv'))).toHaveLength(62);
  });

  test('an unknown dataset year is loaded and reported as not described in data/datasets.json', async () => {
    const file = inputFile(
      box,
      'pef.csv',
      `${linesOf(PEF_2017)
        .slice(0, 3)
        .join('\n')
        .replace(/\n2017,/g, '\n2031,')}\n`,
    );
    const { code, report } = await runJson(box, ['shcp-budget', file, '--dry-run']);
    expect(code).toBe(0);
    expect(report.warnings).toEqual([expect.stringContaining('dataset "shcp-pef-2031" is not described in data/datasets.json')]);
  });

  test('a UTF-16 export and a spreadsheet saved as .csv: exit 1, each named for what it is, nothing written', async () => {
    const before = await budgetCounts(box);
    const utf16 = inputFile(box, '2017.csv', '');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(PEF_2017, 'utf8'), 'utf16le')]));
    const book = inputFile(box, '2018.csv', '');
    fs.copyFileSync(path.join(DATA, 'shcp-pef', 'diccionario.xlsx'), book);
    const { code, report } = await runJson(box, ['shcp-budget', utf16, book]);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      { file: utf16, reason: 'is encoded in UTF-16: save it as UTF-8 (or Latin-1)' },
      { file: book, reason: 'is a spreadsheet or ZIP archive, not a text file: export it as CSV (or extract the JSON), in UTF-8' },
    ]);
    expect(report.written).toBe(false);
    expect(await budgetCounts(box)).toEqual(before);
  });
});

describe('compranet', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test('without --skip-rejected the 2018 sample loads whole, its four-decimal amount too: exit 0', async () => {
    const { code, report } = await runJson(box, ['compranet', COMPRANET_2018]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ written: true, summary: { inserted: 169, rejected: 0 }, problems: [] });
    expect(await countRows(box, 'budgets', [Contract])).toEqual([169]);
  });

  test('an amount beyond storage: --skip-rejected loads the others, exit 1, and writes that row to the rejects file', async () => {
    const lines = linesOf(COMPRANET_2018);
    const edited = lines.map((line, i) => (i === 82 ? line.replace(',3899945.4192,', ',99999999999999999999.99,') : line));
    expect(edited[82]).not.toBe(lines[82]);
    const file = inputFile(box, '2018.sample.csv', edited.join('\n'));
    const { code, report } = await runJson(box, ['compranet', file, '--skip-rejected']);
    expect(code).toBe(1);
    expect(report.files).toEqual([expect.objectContaining({ rows: 169, inserted: 0, updated: 0, unchanged: 168, rejected: 1 })]);
    expect(report).toMatchObject({ written: true, rejectsFiles: ['2018.sample.csv.rejects.csv'] });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file,
        row: 83,
        field: 'IMPORTE_CONTRATO',
        value: '99999999999999999999.99',
        reason: expect.stringContaining('out of range'),
      }),
    ]);
    const rejects = linesOf(path.join(box.cwd, '2018.sample.csv.rejects.csv'));
    expect(rejects[0]).toBe(`${lines[0]},_problem`);
    expect(rejects[1].startsWith(`${edited[82]},"field ""IMPORTE_CONTRATO"" = ""99999999999999999999.99"": is out of range`)).toBe(true);
  });

  test('the rejects file, fixed, imports back: the contract is updated to the fixed amount', async () => {
    const file = path.join(box.cwd, '2018.sample.csv.rejects.csv');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(',99999999999999999999.99,', ',3899945.42,'));
    const { code, report } = await runJson(box, ['compranet', file]);
    expect(code).toBe(0);
    expect(report.summary).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(await countRows(box, 'budgets', [Contract])).toEqual([169]);
  });

  test('the header-less 2017 file: its broken row gets the dictionary header, so the rejects file reads back', async () => {
    const { code, report } = await runJson(box, ['compranet', COMPRANET_2017, '--skip-rejected', '--dry-run']);
    expect(code).toBe(1);
    expect(report.files).toEqual([expect.objectContaining({ rows: 2212, inserted: 2211, rejected: 1 })]);
    const rejects = linesOf(path.join(box.cwd, '2017.sample.csv.rejects.csv'));
    expect(rejects[0]).toBe(`${COMPRANET_COLUMNS.join(',')},_problem`);
    expect(rejects.filter((line) => line !== '')).toHaveLength(2);
    const again = await runJson(box, ['compranet', path.join(box.cwd, '2017.sample.csv.rejects.csv'), '--dry-run']);
    // Line 1083 of the original, its quoting still broken.
    expect(again.report.problems.map((problem) => [problem.row, problem.field])).toEqual([[2, undefined]]);
  });
});

describe('ocds, cuenta-publica and allocations', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test('the shipped OCDS folder (five publishers, told apart by content) loads, and loads again unchanged', async () => {
    const first = await runJson(box, ['ocds', path.join(DATA, 'ocds')]);
    expect(first.code).toBe(0);
    expect(first.report.files).toHaveLength(10 + 10 + 11 + 10 + 1);
    expect(first.report.entities).toEqual([
      { entity: 'contracts', inserted: 30, updated: 0, unchanged: 0 },
      { entity: 'transactions', inserted: 93, updated: 0, unchanged: 0 },
      { entity: 'contract–program links', inserted: 21, updated: 0, unchanged: 0 },
    ]);
    // A Jalisco process merged from its stage files: the contract counts for the file that supplied its value.
    const stage = (suffix: string) => first.report.files.find((file) => file.file.endsWith(suffix))!;
    expect(stage('0007-00-2017-20180118T043956210Z-planning.json')).toMatchObject({ rows: 0, inserted: 0 });
    expect(stage('0007-00-2017-20180118T043956743Z-implementation.json')).toMatchObject({ rows: 1, inserted: 1 });
    const second = await runJson(box, ['ocds', path.join(DATA, 'ocds')]);
    expect(second.report.summary).toEqual({ inserted: 0, updated: 0, unchanged: 30, rejected: 0 });
    expect(second.report.entities.every((entity) => entity.inserted === 0 && entity.updated === 0)).toBe(true);
    expect(await countRows(box, 'budgets', [Contract, Transaction])).toEqual([30, 93]);
  });

  testWithRealData(
    'every real OCDS file of the real-data folder loads without --skip-rejected, three-decimal values exactly, once',
    async () => {
      const box2 = sandbox();
      try {
        const folder = realData('ocds_mx');
        const loaded = await runJson(box2, ['ocds', folder]);
        expect([loaded.code, loaded.report.written, loaded.report.problemCount]).toEqual([0, true, 0]);
        expect(loaded.report.files).toHaveLength(74);
        expect(loaded.report.summary).toEqual({ inserted: 59, updated: 0, unchanged: 0, rejected: 0 });
        expect(loaded.report.warnings).toEqual(
          expect.arrayContaining([expect.stringContaining('OCDS-87SD3T-SEFIN-DRM-A-001-2016: the compiledRelease of')]),
        );
        const again = await runJson(box2, ['ocds', folder]);
        expect(again.report.summary).toEqual({ inserted: 0, updated: 0, unchanged: 59, rejected: 0 });
        expect(again.report.entities.every((entity) => entity.inserted === 0 && entity.updated === 0)).toBe(true);
      } finally {
        await box2.cleanup();
      }
    },
  );

  test('a bad OCDS amount: exit 1, the rejects JSON lists the item path and the problem', async () => {
    const original = path.join(DATA, 'ocds', 'inai', 'PC-0001-PC-0001.json');
    const file = inputFile(
      box,
      'PC-0001-PC-0001.json',
      fs.readFileSync(original, 'utf8').replace('"amount": 62000', '"amount": 62000.12345'),
    );
    const other = inputFile(box, 'other.json', JSON.stringify({ ocid: 'X-1', contracts: [] }));
    const { code, report } = await runJson(box, ['ocds', file, other]);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      {
        file,
        path: '$.contracts[0].value.amount',
        field: 'amount',
        value: '62000.12345',
        reason: expect.stringContaining('has 5 decimals'),
      },
      expect.objectContaining({ file: other, path: '$.ocid', field: 'ocid', value: 'X-1' }),
    ]);
    expect(report.files.map((f) => f.rejected)).toEqual([1, 0]);
    const rejects = JSON.parse(fs.readFileSync(path.join(box.cwd, 'ocds.rejects.json'), 'utf8'));
    expect(rejects).toEqual({
      format: 'ocds',
      rejected: [
        {
          file,
          path: '$.contracts[0]',
          problems: [expect.objectContaining({ path: '$.contracts[0].value.amount', value: '62000.12345' })],
        },
      ],
      fileProblems: [expect.objectContaining({ file: other, path: '$.ocid' })],
    });
  });

  test('an OCDS package of the wrong shape and invalid JSON: exit 1, a clear message each, nothing written', async () => {
    const shape = inputFile(box, 'package.json', JSON.stringify({ publisher: { name: 'x' }, releases: { ocid: 'ocds-87sd3t-1' } }));
    const broken = inputFile(box, 'broken.json', '{"records": [');
    const before = await countRows(box, 'budgets', [Contract, Transaction]);
    const { code, report } = await runJson(box, ['ocds', shape, broken, path.join(DATA, 'ocds', 'gacm')]);
    expect([code, report.written]).toEqual([1, false]);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: shape, path: '$.releases', reason: 'must be a non-empty array in a release package' }),
      expect.objectContaining({ file: broken, path: '$', reason: expect.stringContaining('not valid JSON') }),
    ]);
    expect(await countRows(box, 'budgets', [Contract, Transaction])).toEqual(before);
  });

  test('Cuenta Pública 2017 and 2018 load 1,348 program accounts from 10,048 lines', async () => {
    const { code, report } = await runJson(box, ['cuenta-publica', path.join(DATA, 'cuenta-publica')]);
    expect(code).toBe(0);
    expect(report.files.map((file) => [path.basename(file.file), file.rows, file.inserted])).toEqual([
      ['2017.csv', 4982, 668],
      ['2018.csv', 5066, 680],
    ]);
  });

  test('allocations: one file; a second file is a usage error', async () => {
    const file = path.join(DATA, 'allocations', 'allocations.csv');
    expect((await runJson(box, ['allocations', file])).report.summary).toEqual({ inserted: 6, updated: 0, unchanged: 0, rejected: 0 });
    const twice = await run(box, ['allocations', file, file]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('exactly one file');
  });
});

describe('what the CLI writes is what the service reads', () => {
  test('amounts far beyond a double are served exactly, and so are their sums: never INTERNAL_SERVER_ERROR', async () => {
    const box = sandbox({ LOAD_SAMPLE: 'false' });
    try {
      // Two lines of one program, each beyond 2⁵³ units; their sum stays within the 64-bit rollup cells of the aggregates.
      const rows = parse(fs.readFileSync(PEF_2017, 'utf8'), { columns: true }) as Record<string, string>[];
      const key = (row: Record<string, string>) => `${row.id_ramo.padStart(2, '0')}${row.id_modalidad}${row.id_pp.padStart(3, '0')}`;
      const pair = rows.filter((row) => key(row) === key(rows.find((r, i) => rows.findIndex((o) => key(o) === key(r)) !== i)!)).slice(0, 2);
      const header = Object.keys(rows[0]);
      const text = [
        header.join(','),
        ...pair.map((row) => header.map((c) => quoted(c === 'monto_aprobado' ? '400000000000000.0001' : row[c])).join(',')),
      ];
      const pef = inputFile(box, 'edge.csv', `${text.join('\n')}\n`);
      expect((await run(box, ['shcp-budget', pef])).code).toBe(0);
      // 2⁵³ + 1 centavos, which a double cannot hold: written as text so that nothing rounds it before the importer.
      const release = `{"ocid": "ocds-abc123-edge", "date": "2020-01-01T00:00:00Z",
        "contracts": [{"id": "1", "value": {"amount": 90071992547409.93, "currency": "MXN"}}]}`;
      expect((await run(box, ['ocds', inputFile(box, 'edge.json', release)])).code).toBe(0);

      const subgraph = await openTestSubgraph(definition, { config: box.config });
      const result = await subgraph.query(
        `{ budgetProgram(id: "2017:${key(pair[0])}") { totals { approved } }
           budgetLines(first: 2) { edges { node { amounts { approved } } } }
           contract(id: "ocds-abc123-edge/1") { value originalValue { amount } } }`,
      );
      await subgraph.close();
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        budgetProgram: { totals: { approved: '800000000000000.0002' } },
        budgetLines: {
          edges: [{ node: { amounts: { approved: '400000000000000.0001' } } }, { node: { amounts: { approved: '400000000000000.0001' } } }],
        },
        contract: { value: '90071992547409.93', originalValue: { amount: '90071992547409.93' } },
      });
    } finally {
      await box.cleanup();
    }
  });

  test('lines whose sum is beyond 64-bit storage are rejected with file, row and field, and nothing of the file is loaded', async () => {
    const box = sandbox({ LOAD_SAMPLE: 'false' });
    try {
      const rows = parse(fs.readFileSync(PEF_2017, 'utf8'), { columns: true }) as Record<string, string>[];
      const header = Object.keys(rows[0]);
      const withApproved = (row: Record<string, string>, approved: string) =>
        header.map((c) => quoted(c === 'monto_aprobado' ? approved : row[c])).join(',');
      const first = inputFile(box, 'first.csv', `${header.join(',')}\n${withApproved(rows[0], '400000000000000.0001')}\n`);
      expect((await run(box, ['shcp-budget', first])).code).toBe(0);
      // Each amount fits a column; with the stored line, 2017's approved total does not (2⁶³ − 1 ten-thousandths).
      const second = inputFile(
        box,
        'second.csv',
        `${header.join(',')}\n${withApproved(rows[1], '1.00')}\n${withApproved(rows[2], '600000000000000.0001')}\n`,
      );
      for (const dryRun of [['--dry-run'], []]) {
        const { code, report } = await runJson(box, ['shcp-budget', second, ...dryRun]);
        expect(code).toBe(1);
        expect(report).toMatchObject({ written: false, exitCode: 1, summary: { inserted: 0, updated: 0, rejected: 1 } });
        expect(report.problems).toEqual([
          {
            file: second,
            row: 3,
            field: 'monto_aprobado',
            value: '600000000000000.0001',
            reason:
              'takes the sum of approved over fiscal year 2017 to 1000000000000001.0002, beyond the 922337203685477.5807 ' +
              'either way that a pre-summed aggregate cell holds exactly',
          },
        ]);
      }
      expect(await budgetCounts(box)).toEqual([1, 1]);
      const [rejected] = parse(fs.readFileSync(path.join(box.cwd, 'second.csv.rejects.csv'), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
      expect(rejected.monto_aprobado).toBe('600000000000000.0001');
    } finally {
      await box.cleanup();
    }
  });

  test('budget lines imported by the CLI are served by the budgets subgraph, FORTAMUN 2018 to the centavo', async () => {
    const box = sandbox({ LOAD_SAMPLE: 'false' });
    try {
      expect((await run(box, ['shcp-budget', PEF_2018])).code).toBe(0);
      const subgraph = await openTestSubgraph(definition, { config: box.config });
      const result = await subgraph.query('{ budgetProgram(id: "2018:33I005") { name totals { approved paid } } }');
      await subgraph.close();
      expect(result.data?.budgetProgram).toEqual({ name: 'FORTAMUN', totals: { approved: '1369724738.00', paid: '342431184.00' } });
    } finally {
      await box.cleanup();
    }
  });
});
