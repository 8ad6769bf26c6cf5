import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { definition } from '../../../subgraphs/budgets/definition';
import { ProgramAccount } from '../../../subgraphs/budgets/entities/program-account.entity';
import { cuentaPublica } from '../../../subgraphs/budgets/importers/cuenta-publica.format';
import { parseCuentaPublicaFiles, type CuentaPublicaFileInput } from '../../../subgraphs/budgets/importers/cuenta-publica.importer';
import { ImportError, type ImportProblem } from '../../../subgraphs/kit/import/problems';
import { importCounted } from '../../helpers/formats';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { amount, DATA, format } from './expected';

const FOLDER = path.join(DATA, 'cuenta-publica');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cuenta-publica-'));
const input = (file: string): CuentaPublicaFileInput => ({ file, dataset: 'cuenta-publica' });
const lines2018 = fs.readFileSync(path.join(FOLDER, '2018.csv'), 'utf8').split('\n');
const REAL = [input(path.join(FOLDER, '2017.csv')), input(path.join(FOLDER, '2018.csv'))];
/** Files through the cuenta-publica format: what it did to the program accounts. */
const load = async (files: CuentaPublicaFileInput[]) =>
  (
    await importCounted(
      subgraph.dataSource,
      cuentaPublica,
      files.map((input) => input.file),
    )
  )['program accounts'];

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
});
afterAll(async () => {
  await subgraph.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

type Row = Record<string, string> & { line: string };

/** The file read independently of the importer (no record spans lines, so line = index + 2). */
function rowsOf(year: 2017 | 2018): Row[] {
  const rows = parse(fs.readFileSync(path.join(FOLDER, `${year}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];
  return rows.map((row, i) => ({ ...row, line: String(i + 2) }));
}
const rows = { 2017: rowsOf(2017), 2018: rowsOf(2018) };

/** A program's rows: its name row, then one per PRESUPUESTO label. */
function block(year: 2017 | 2018, ramo: string, program: string) {
  const matching = rows[year].filter((row) => (row.SUBRAMO || row.RAMO) === ramo && row.PROGRAMA === program);
  const label = (name: string) => matching.find((row) => row.PRESUPUESTO === name)!;
  const figure = (name: string) => format(amount(label(name).TOTAL)!);
  return {
    name: matching[0],
    expected: {
      approved: figure('Aprobado'),
      modified: figure('Modificado'),
      accrued: figure('Devengado'),
      exercised: figure('Ejercicio'),
      lines: {
        name: Number(matching[0].line),
        approved: Number(label('Aprobado').line),
        modified: Number(label('Modificado').line),
        accrued: Number(label('Devengado').line),
        exercised: Number(label('Ejercicio').line),
      },
    },
  };
}

/** Program blocks: distinct (ente, ramo, subramo, programa) other than the TOTAL rows. */
const programCount = (year: 2017 | 2018) =>
  new Set(rows[year].filter((row) => row.PROGRAMA !== 'TOTAL').map((row) => [row.ENTE, row.RAMO, row.SUBRAMO, row.PROGRAMA].join('|')))
    .size;

const APORTACIONES = 'Aportaciones Federales para Entidades Federativas y Municipios';

describe('loading the 2017 and 2018 accounts', () => {
  test('one account per program block, in one transaction; the summary counts them', async () => {
    expect(programCount(2017)).toBe(668);
    expect(programCount(2018)).toBe(680);
    const parsed = parseCuentaPublicaFiles(REAL);
    expect(parsed.problems).toEqual([]);
    const summary = await load(REAL);
    expect(summary).toEqual({ inserted: 668 + 680, updated: 0, unchanged: 0, rejected: 0 });
    expect(await subgraph.dataSource.manager.count(ProgramAccount)).toBe(1348);
  });

  test('FORTAMUN (33I005) 2018 equals the file, on the budget program and by id', async () => {
    const { name, expected } = block(2018, APORTACIONES, 'I005');
    expect(expected.approved).toBe('74376443244.00');
    const fields =
      'id fiscalYear entity ramo { code name } ramoGroup programAsPublished key name approved modified accrued exercised lines { name approved modified accrued exercised } source { dataset file row licence upstream }';
    const result = await subgraph.data(`{
      budgetProgram(id: "2018:33I005") { publicAccount { ${fields} } totals { approved } }
      programAccount(id: "2018:33:I005") { id program { id key } }
    }`);
    expect(result.budgetProgram.publicAccount).toEqual({
      id: '2018:33:I005',
      fiscalYear: 2018,
      entity: 'Poder Ejecutivo',
      ramo: { code: '33', name: APORTACIONES },
      ramoGroup: 'Ramos Generales',
      programAsPublished: 'I005',
      key: '33I005',
      name: name.PRESUPUESTO,
      ...expected,
      source: {
        dataset: 'cuenta-publica',
        file: '2018.csv',
        row: expected.lines.name,
        licence: 'MIT (compilation; see data/cuenta-publica/LICENSE.upstream)',
        upstream: 'lapanquecita/cuenta-publica @ c7f322e : csv/',
      },
    });
    expect(name.PRESUPUESTO).toBe('FORTAMUN');
    // The sampled PEF totals are a small part of the complete account.
    expect(amount(result.budgetProgram.totals.approved)! < amount(expected.approved)!).toBe(true);
    expect(result.programAccount).toEqual({ id: '2018:33:I005', program: { id: '2018:33I005', key: '33I005' } });
  });

  test('more programs equal the file: 2017 FORTAMUN, an executive ministry, a legislative chamber', async () => {
    const result = await subgraph.data(`{
      fortamun: programAccount(id: "2017:33:I005") { approved modified accrued exercised lines { name approved modified accrued exercised } }
      salud: programAccount(id: "2018:12:E023") { ramo { name } ramoGroup approved modified accrued exercised lines { name approved modified accrued exercised } }
      diputados: programAccount(id: "2018:01:R001@H. Cámara de Diputados") { ramo { code name } ramoGroup entity approved modified accrued exercised lines { name approved modified accrued exercised } }
      bienestar: programAccount(id: "2018:20:S176") { ramo { name } }
      unknown: programAccount(id: "2018:33:I999") { id }
    }`);
    expect(result.fortamun).toEqual(block(2017, APORTACIONES, 'I005').expected);
    expect(result.salud).toEqual({ ramo: { name: 'Salud' }, ramoGroup: 'Ramos Administrativos', ...block(2018, 'Salud', 'E023').expected });
    expect(result.diputados).toEqual({
      ramo: { code: '01', name: 'H. Cámara de Diputados' },
      ramoGroup: null,
      entity: 'Poder Legislativo',
      ...block(2018, 'H. Cámara de Diputados', 'R001').expected,
    });
    expect(result.bienestar).toEqual({ ramo: { name: 'Desarrollo Social (Ahora Bienestar)' } });
    expect(result.unknown).toBeNull();
  });

  test('a program published per body (01R001: both chambers) has no single public account', async () => {
    const result = await subgraph.data(`{
      budgetProgram(id: "2018:01R001") { publicAccount { id } }
      programAccounts(filter: {fiscalYear: 2018, ramo: "1"}) { edges { node { id } } }
    }`);
    expect(result.budgetProgram.publicAccount).toBeNull();
    expect(result.programAccounts.edges.map((e: any) => e.node.id)).toEqual([
      '2018:01:K025@H. Cámara de Senadores',
      '2018:01:K026@H. Cámara de Senadores',
      '2018:01:K027@H. Cámara de Diputados',
      '2018:01:R001@H. Cámara de Diputados',
      '2018:01:R001@H. Cámara de Senadores',
      '2018:01:R002@Auditoría Superior de la Federación',
    ]);
  });

  test('programAccounts: filter by year and ramo, pages, and exact sums equal to the file', async () => {
    const fileRows = rows[2018].filter((row) => row.SUBRAMO === APORTACIONES && row.PROGRAMA !== 'TOTAL' && row.PRESUPUESTO === 'Aprobado');
    const first = await subgraph.data(`{ programAccounts(filter: {fiscalYear: 2018, ramo: "33"}, first: 10) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { approved } } } }`);
    expect(first.programAccounts.totalCount).toBe(fileRows.length);
    expect(first.programAccounts.totalCount).toBe(15);
    expect(first.programAccounts.pageInfo.hasNextPage).toBe(true);
    const rest = await subgraph.data(
      `query($after: String) { programAccounts(filter: {fiscalYear: 2018, ramo: "33"}, first: 10, after: $after) {
      pageInfo { hasNextPage } edges { node { approved } } } }`,
      { after: first.programAccounts.pageInfo.endCursor },
    );
    expect(rest.programAccounts.pageInfo.hasNextPage).toBe(false);
    const approved = [...first.programAccounts.edges, ...rest.programAccounts.edges].map((e: any) => amount(e.node.approved)!);
    expect(approved).toHaveLength(15);
    expect(format(approved.reduce((a, b) => a + b, 0n))).toBe(format(fileRows.reduce((sum, row) => sum + amount(row.TOTAL)!, 0n)));
    const all = await subgraph.data(
      `{ y2017: programAccounts(filter: {fiscalYear: 2017}) { totalCount } all: programAccounts { totalCount } }`,
    );
    expect(all).toEqual({ y2017: { totalCount: 668 }, all: { totalCount: 1348 } });
    const tooMany = await subgraph.query(`{ programAccounts(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('_entities resolves program accounts (null for an unknown id)', async () => {
    const result = await subgraph.data(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ProgramAccount { id key } } }`,
      {
        representations: [
          { __typename: 'ProgramAccount', id: '2018:33:I005' },
          { __typename: 'ProgramAccount', id: '1999:33:I005' },
        ],
      },
    );
    expect(result._entities).toEqual([{ id: '2018:33:I005', key: '33I005' }, null]);
  });

  test('no N+1: 50 accounts with their programs, or 50 programs with their accounts, cost what 2 do', async () => {
    const accounts = (first: number) => subgraph.query(`{ programAccounts(first: ${first}) { edges { node { id program { id } } } } }`);
    const programs = (first: number) =>
      subgraph.query(`{ budgetPrograms(first: ${first}) { edges { node { id publicAccount { id } } } } }`);
    expect(await subgraph.statementsDuring(() => accounts(50))).toBe(await subgraph.statementsDuring(() => accounts(2)));
    expect(await subgraph.statementsDuring(() => programs(50))).toBe(await subgraph.statementsDuring(() => programs(2)));
  });

  test('loading the same files again reports 0 inserted, 0 updated', async () => {
    const summary = await load(REAL);
    expect(summary).toEqual({ inserted: 0, updated: 0, unchanged: 1348, rejected: 0 });
    expect(await subgraph.dataSource.manager.count(ProgramAccount)).toBe(1348);
  });
});

describe('reading what real files throw at an importer', () => {
  test('LF, UTF-8 with a byte-order mark and CRLF, and Latin-1 read the same', () => {
    // The published file has CRLF line ends; the reference is the same text with LF.
    const text = `${lines2018
      .slice(0, LEGISLATURE)
      .map((line) => line.replace(/\r$/, ''))
      .join('\n')}\n`;
    const reference = parseCuentaPublicaFiles([input(write('2018.csv', text))]);
    expect(reference.problems).toEqual([]);
    expect(reference.accounts.map((a) => a.id)).toEqual([
      '2018:01:K027@H. Cámara de Diputados',
      '2018:01:R001@H. Cámara de Diputados',
      '2018:01:K025@H. Cámara de Senadores',
      '2018:01:K026@H. Cámara de Senadores',
      '2018:01:R001@H. Cámara de Senadores',
      '2018:01:R002@Auditoría Superior de la Federación',
    ]);
    for (const variant of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]),
      Buffer.from(text, 'latin1'),
    ]) {
      expect(parseCuentaPublicaFiles([input(write('2018.csv', variant))])).toEqual(reference);
    }
  });
});

function write(name: string, text: string | Buffer): string {
  const directory = fs.mkdtempSync(path.join(scratch, 'f-'));
  const file = path.join(directory, name);
  fs.writeFileSync(file, text);
  return file;
}

/**
 * The legislature of the 2018 file, lines 1–67: the header, the legislative totals (lines 2–7), Diputados' totals
 * (8–13) and its programs K027 and R001 (name rows at lines 14 and 21), then the Senate's and the audit office's.
 */
const LEGISLATURE = 67;

/** The legislature with an edit; it must stay whole, since an ente's totals are checked against its ramos'. */
const small = (name: string, edit: (lines: string[]) => string[]) => write(name, `${edit(lines2018.slice(0, LEGISLATURE)).join('\n')}\n`);

/** Replaces the n-th comma-separated cell (0-based) of a line that has no quoted cells. */
const cell = (line: string, index: number, value: string) =>
  line
    .split(',')
    .map((c, i) => (i === index ? value : c))
    .join(',');
const TOTAL = 16;

describe('malformed inputs are rejected with a clear message and leave the database unchanged', () => {
  async function rejection(file: string): Promise<ImportProblem[]> {
    const repository = subgraph.dataSource.getRepository(ProgramAccount);
    const before = { count: await repository.count(), fortamun: await repository.findOneByOrFail({ id: '2018:33:I005' }) };
    const error = await load([input(file)]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect({ count: await repository.count(), fortamun: await repository.findOneByOrFail({ id: '2018:33:I005' }) }).toEqual(before);
    return (error as ImportError).problems;
  }

  test('the untouched small file loads (the edits below are what breaks it)', () => {
    expect(parseCuentaPublicaFiles([input(small('clean.csv', (lines) => lines))]).problems).toEqual([]);
  });

  test('a program without its name row (as four in 2014) loads without a name, and the import says so', () => {
    const parsed = parseCuentaPublicaFiles([input(small('no-name.csv', (lines) => lines.filter((_, i) => i !== 13)))]);
    expect(parsed.problems).toEqual([]);
    const k027 = parsed.accounts.find((account) => account.id === '2018:01:K027@H. Cámara de Diputados');
    expect({ name: k027?.name, row: k027?.source.row, lines: k027?.lines.name }).toEqual({ name: null, row: 14, lines: null });
    expect(parsed.corrections).toEqual([
      'no-name.csv line 14: program K027 of H. Cámara de Diputados has no name row (the account names it with an empty cell); it is loaded without a name',
    ]);
  });

  test('an amount row without a program: PROGRAMA is empty', async () => {
    const empty = await rejection(small('empty.csv', (lines) => lines.map((line, i) => (i === 21 ? cell(line, 4, '') : line))));
    expect(empty).toContainEqual(
      expect.objectContaining({
        file: 'empty.csv',
        row: 22,
        field: 'programa',
        value: '',
        reason: expect.stringContaining('amount row without a program'),
      }),
    );
  });

  test('an unknown PRESUPUESTO label', async () => {
    const problems = await rejection(
      small('label.csv', (lines) => lines.map((line, i) => (i === 15 ? line.replace(',Modificado,', ',Modificada,') : line))),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'label.csv',
        row: 16,
        field: 'presupuesto',
        value: 'Modificada',
        reason: expect.stringContaining('not a known PRESUPUESTO label'),
      }),
      expect.objectContaining({ file: 'label.csv', row: 14, field: 'presupuesto', reason: 'the rows of K027 have no Modificado row' }),
    ]);
  });

  test('a percentage that contradicts the amounts', async () => {
    expect(lines2018[18]).toContain('K027,Porcentaje Ejer/Aprob');
    const problems = await rejection(
      small('percent.csv', (lines) => lines.map((line, i) => (i === 18 ? cell(line, TOTAL, '90.0') : line))),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'percent.csv',
        row: 19,
        field: 'total',
        value: '90.0',
        reason: expect.stringContaining('contradicts the amounts'),
      }),
    ]);
  });

  test('an amount that is not exact ("1,234.5x")', async () => {
    const problems = await rejection(
      small('amount.csv', (lines) => lines.map((line, i) => (i === 21 ? cell(line, TOTAL, '"1,234.5x"') : line))),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'amount.csv',
        row: 22,
        field: 'total',
        value: '1,234.5x',
        reason: expect.stringContaining('not an amount'),
      }),
    );
  });

  test('the same program block twice: a repeated account, and programs that no longer add up to their totals', async () => {
    const problems = await rejection(
      small('duplicate.csv', (lines) => [...lines.slice(0, 27), ...lines.slice(13, 20), ...lines.slice(27)]),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'duplicate.csv',
        row: 28,
        field: 'programa',
        value: 'K027',
        reason: 'repeats the program account 2018:01:K027@H. Cámara de Diputados of duplicate.csv line 14',
      }),
    );
    expect(problems).toContainEqual({
      file: 'duplicate.csv',
      row: 11,
      field: 'total',
      value: '8152441600.1',
      reason:
        'the Ejercicio total 8152441600.10 is not the sum of the 3 programs of H. Cámara de Diputados that follow, 8421467091.01 (269025490.91 apart, more than the rounding of each figure to the centavo explains): a row is missing, repeated or misplaced',
    });
  });

  test("a program left out: its ramo's programs and its ente's ramos no longer add up to their totals", async () => {
    const problems = await rejection(small('missing.csv', (lines) => lines.filter((_, i) => i < 13 || i >= 20)));
    // Diputados' four totals (lines 8–11) each disagree with R001 alone; the legislature's still add up.
    expect(problems.map((p) => [p.row, p.field, p.value])).toEqual([
      [8, 'total', '8439435153.0'],
      [9, 'total', '8152441600.1'],
      [10, 'total', '8152441600.1'],
      [11, 'total', '8152441600.1'],
    ]);
    expect(problems[3].reason).toBe(
      'the Ejercicio total 8152441600.10 is not the sum of the one program of H. Cámara de Diputados that follow, 7883416109.19 (-269025490.91 apart, more than the rounding of each figure to the centavo explains): a row is missing, repeated or misplaced',
    );
  });

  test("an ente's total that its ramos' totals do not add up to", async () => {
    // Devengado, which no percentage is computed from: a peso more on the legislature's total.
    const problems = await rejection(
      small('ente.csv', (lines) => lines.map((line, i) => (i === 3 ? cell(line, TOTAL, '15185937478.41') : line))),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'ente.csv',
        row: 4,
        field: 'total',
        value: '15185937478.41',
        reason: expect.stringContaining(
          'the Devengado total 15185937478.41 is not the sum of the totals of the 3 ramos or bodies of Poder Legislativo that follow, 15185937477.41',
        ),
      }),
    ]);
  });

  test("an ente's total a peso off is caught by its percentage too: the check is exact at the file's precision", async () => {
    const problems = await rejection(
      small('ente-percent.csv', (lines) => lines.map((line, i) => (i === 1 ? cell(line, TOTAL, '15574572275.0') : line))),
    );
    expect(problems).toEqual([
      {
        file: 'ente-percent.csv',
        row: 6,
        field: 'total',
        value: '97.50468398262993',
        reason:
          'contradicts the amounts: the Ejercicio row (15185937477.41) and the Aprobado row (15574572275.00) give 97.504683976369 %, not 97.50468398262993 %',
      },
    ]);
  });

  test('a ramo the importer does not know', async () => {
    const problems = await rejection(
      small('ramo.csv', (lines) => lines.map((line) => line.replace('H. Cámara de Diputados', 'Cámara Nueva'))),
    );
    expect(problems).toContainEqual(expect.objectContaining({ file: 'ramo.csv', row: 14, field: 'ramo', value: 'Cámara Nueva' }));
  });

  test('a truncated file and a header without the TOTAL column', async () => {
    const truncated = write('truncated.csv', `${lines2018.slice(0, 20).join('\n')}\n2018,Poder Legislativo,"H. Cámara`);
    expect(await rejection(truncated)).toEqual([
      expect.objectContaining({ file: 'truncated.csv', reason: expect.stringContaining('not a valid CSV') }),
    ]);
    const header = small('header.csv', (lines) => [lines[0].replace(',TOTAL,', ',SUMA_TOTAL,'), ...lines.slice(1)]);
    expect(await rejection(header)).toEqual([
      expect.objectContaining({ file: 'header.csv', row: 1, field: 'total', reason: 'required column is missing from the header' }),
    ]);
  });
});
