import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { definition } from '../../../subgraphs/budgets/definition';
import { Allocation } from '../../../subgraphs/budgets/entities/allocation.entity';
import { BudgetLine } from '../../../subgraphs/budgets/entities/budget-line.entity';
import { BudgetProgram } from '../../../subgraphs/budgets/entities/budget-program.entity';
import { Contract } from '../../../subgraphs/budgets/entities/contract.entity';
import { Transaction } from '../../../subgraphs/budgets/entities/transaction.entity';
import { allocations } from '../../../subgraphs/budgets/importers/allocations.format';
import { ocds as ocdsFormat } from '../../../subgraphs/budgets/importers/ocds.format';
import { shcpBudget } from '../../../subgraphs/budgets/importers/shcp-budget.format';
import { parseBudgetFiles, writeBudget } from '../../../subgraphs/budgets/importers/shcp-budget.importer';
import { loadSample, SAMPLE } from '../../../subgraphs/budgets/sample';
import { importSteps } from '../../../subgraphs/kit/import/sample';
import { ImportError, type ImportProblem } from '../../../subgraphs/kit/import/problems';
import { importFormat } from '../../helpers/formats';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { DATA } from './expected';

let subgraph: TestSubgraph;
let scratch: string;

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition, { loadSample: false });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'budgets-import-'));
});
afterAll(async () => {
  await subgraph.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const pef2018 = fs.readFileSync(path.join(DATA, 'shcp-pef', '2018.sample.csv'), 'utf8').split('\n');

function write(name: string, text: string | Buffer): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return file;
}

/** A small OFDP file: the header and the first data rows of the real 2018 sample, with optional edits. */
function budgetFile(name: string, edit: (lines: string[]) => string[] = (lines) => lines): string {
  return write(name, `${edit(pef2018.slice(0, 4)).join('\n')}\n`);
}

async function counts() {
  const manager = subgraph.dataSource.manager;
  return {
    lines: await manager.count(BudgetLine),
    programs: await manager.count(BudgetProgram),
    contracts: await manager.count(Contract),
    transactions: await manager.count(Transaction),
    allocations: await manager.count(Allocation),
  };
}

async function rejection(load: () => Promise<unknown>): Promise<ImportProblem[]> {
  const before = await counts();
  const error = await load().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(await counts()).toEqual(before);
  return (error as ImportError).problems;
}

describe('loading the shipped files', () => {
  test('the whole sample loads, and loading it again changes nothing', async () => {
    await loadSample(subgraph.dataSource, subgraph.config);
    const first = await counts();
    // Contracts: 11 federal, 10 INAI, 5 CDMX, 3 Jalisco, 1 GACM; transactions: 11 × 4 federal measures, 6 INAI,
    // 37 CDMX and 6 Jalisco payments.
    expect(first).toEqual({
      lines: 4800,
      programs: 345 + 404,
      contracts: 11 + 10 + 5 + 3 + 1,
      transactions: 11 * 4 + 6 + 37 + 6,
      allocations: 6,
    });
    // The sample's formats one by one, as the CLI would load them.
    for (const step of SAMPLE) await importSteps(subgraph.dataSource, subgraph.config.dataDirectory, [step]);
    expect(await counts()).toEqual(first);
    const ids = await subgraph.dataSource.getRepository(BudgetLine).find({ select: { id: true }, order: { id: 'ASC' }, take: 5 });
    await loadSample(subgraph.dataSource, subgraph.config);
    expect(await subgraph.dataSource.getRepository(BudgetLine).find({ select: { id: true }, order: { id: 'ASC' }, take: 5 })).toEqual(ids);
  });
});

describe('what real budget files throw at the SHCP importer', () => {
  test('UTF-8 with a byte-order mark and CRLF, Latin-1, and upper-case header names read the same lines', () => {
    const text = pef2018.join('\n');
    // The lines are read from the file when asked for: they are taken before the next variant overwrites it.
    const parse = (file: string) => {
      const parsed = parseBudgetFiles([{ file, dataset: 'shcp-pef-2018-sample' }]);
      return { problems: parsed.problems, lines: [...parsed.lines()].flat() };
    };
    const reference = parse(write('2018.sample.csv', text));
    expect(reference.problems).toEqual([]);
    expect(reference.lines).toHaveLength(2186);
    const upperHeader = [pef2018[0].toUpperCase(), ...pef2018.slice(1)].join('\n');
    const variants = [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]),
      Buffer.from(text, 'latin1'),
      upperHeader,
    ];
    for (const variant of variants) {
      const parsed = parse(write('2018.sample.csv', variant));
      expect(parsed.problems).toEqual([]);
      expect(parsed.lines).toEqual(reference.lines);
    }
  });
});

describe('SHCP budget importer rejections leave the database unchanged', () => {
  test('an amount that is not exact', async () => {
    const file = budgetFile('bad-amount.csv', (lines) => [lines[0], lines[1].replace(',21141.00,', ',"1,234.5x",'), ...lines.slice(2)]);
    const problems = await rejection(() => importFormat(subgraph.dataSource, shcpBudget, [file]));
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'bad-amount.csv', row: 2, field: 'monto_aprobado', value: '1,234.5x' }),
    );
    const untouched = await subgraph.dataSource
      .getRepository(BudgetLine)
      .findOneByOrFail({ id: '2018:08.410.3.2.1.9.P.001.1000.1400.144.14406.1.1.9.0' });
    expect(untouched.approved).toBe(211410000n);
  });

  test('a missing header column', async () => {
    const file = budgetFile('no-paid.csv', (lines) => lines.map((line) => line.replace(/,[^,]*$/, '')));
    const problems = await rejection(() => importFormat(subgraph.dataSource, shcpBudget, [file]));
    expect(problems).toEqual([expect.objectContaining({ file: 'no-paid.csv', row: 1, field: 'monto_pagado' })]);
  });

  test('a truncated file with an unclosed quote', async () => {
    const file = write('truncated.csv', `${pef2018.slice(0, 3).join('\n')}\n${pef2018[3].slice(0, 40)}`);
    const problems = await rejection(() => importFormat(subgraph.dataSource, shcpBudget, [file]));
    expect(problems[0]).toMatchObject({ file: 'truncated.csv', reason: expect.stringContaining('not a valid CSV') });
    expect(problems[0].row).toBeGreaterThan(0);
  });

  test('the same budget key twice', async () => {
    const file = budgetFile('duplicate.csv', (lines) => [...lines, lines[1]]);
    const problems = await rejection(() => importFormat(subgraph.dataSource, shcpBudget, [file]));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'duplicate.csv', row: 5, field: 'id', reason: expect.stringContaining('line 2') }),
    ]);
  });

  test('the same budget key in two files, with a third file malformed', async () => {
    const first = budgetFile('first.csv');
    const second = budgetFile('second.csv', (lines) => [lines[0], lines[3]]);
    const broken = write('broken.csv', `${pef2018[0]}\n"${pef2018[1]}\n`);
    const problems = await rejection(() => importFormat(subgraph.dataSource, shcpBudget, [first, broken, second]));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'broken.csv', reason: expect.stringContaining('not a valid CSV') }),
      expect.objectContaining({ file: 'second.csv', row: 2, field: 'id', reason: 'repeats the budget key of first.csv line 4' }),
    ]);
  });

  test('a file that changes between its check and its write', async () => {
    const file = budgetFile('changing.csv');
    const parsed = parseBudgetFiles([{ file, dataset: 'shcp-pef-2018-sample' }]);
    expect(parsed.problems).toEqual([]);
    budgetFile('changing.csv', (lines) => [lines[0], lines[1].replace(',21141.00,', ',"1,234.5x",'), ...lines.slice(2)]);
    const problems = await rejection(() => subgraph.dataSource.transaction((manager) => writeBudget(manager, parsed)));
    expect(problems).toEqual([{ file: 'changing.csv', row: 2, reason: 'the file changed while it was being imported: import it again' }]);
  });

  test('a state code out of range', async () => {
    const file = budgetFile('codes.csv', (lines) => {
      const header = lines[0].split(',');
      const cells = lines[1].split(',');
      const entity = header.indexOf('id_entidad_federativa');
      // Row 1 has two quoted cells containing commas before the id columns; count from the end instead.
      const fromEnd = header.length - entity;
      cells[cells.length - fromEnd] = '35';
      return [lines[0], cells.join(','), ...lines.slice(2)];
    });
    const problems = await rejection(() => importFormat(subgraph.dataSource, shcpBudget, [file]));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'codes.csv', row: 2, field: 'id_entidad_federativa', value: '35' }));
  });
});

describe('OCDS importer rejections leave the database unchanged', () => {
  const federal = fs.readFileSync(path.join(DATA, 'ocds', 'federal', 'ocds-07smqs-1109-1109.json'), 'utf8');
  const ocds = (file: string) => importFormat(subgraph.dataSource, ocdsFormat, [file]);

  test('invalid JSON', async () => {
    const problems = await rejection(() => ocds(write('broken.json', federal.slice(0, 500))));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'broken.json', path: '$', reason: expect.stringContaining('not valid JSON') }),
    ]);
  });

  test('a JSON file that is not an OCDS package, record or release', async () => {
    const problems = await rejection(() => ocds(write('shape.json', JSON.stringify({ records: [] }))));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'shape.json',
        path: '$.records',
        field: 'records',
        reason: expect.stringContaining('non-empty array'),
      }),
    ]);
    const array = await rejection(() => ocds(write('array.json', '[]')));
    expect(array).toEqual([
      expect.objectContaining({ file: 'array.json', path: '$', reason: expect.stringContaining('expected a JSON object') }),
    ]);
  });

  test('an amount with more than four decimals names its JSON path', async () => {
    const edited = JSON.parse(federal);
    edited.contracts[0].implementation.budgetBreakdown[0].budgetClassification[0].measures[3].value.amount = 1109.90005;
    const problems = await rejection(() => ocds(write('decimals.json', JSON.stringify(edited))));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'decimals.json',
        path: '$.contracts[0].implementation.budgetBreakdown[0].budgetClassification[0].measures[3].value.amount',
        value: '1109.90005',
        reason: expect.stringContaining('5 decimals'),
      }),
    ]);
  });
});

describe('allocation importer rejections leave the database unchanged', () => {
  const header = 'commitment_id,fiscal_year,program_key,scope_state_id,scope_municipality,assigned,basis,dataset,file,row,note';

  test('bad values are each named', async () => {
    const file = write(
      'allocations.csv',
      `${header}\nMX-TLA-PAL-2016-03,2018,33I05,40,,12.34567,GUESS,nowhere,,,\nTLAXCALA-3,2018,33I005,,Xicohtzinco,,ILLUSTRATIVE,illustrative,,,\n`,
    );
    const problems = await rejection(() => importFormat(subgraph.dataSource, allocations, [file]));
    expect(problems.map((p) => [p.row, p.field])).toEqual(
      expect.arrayContaining([
        [2, 'program_key'],
        [2, 'scope_state_id'],
        [2, 'assigned'],
        [2, 'basis'],
        [2, 'dataset'],
        [3, 'commitment_id'],
        [3, 'scope_municipality'],
      ]),
    );
  });

  test('a duplicate allocation', async () => {
    const row = 'MX-TLA-PAL-2016-03,2018,33I005,29,Xicohtzinco,,COMMITMENT_TEXT,inai-pal-local,pal_compromisos.csv,35,';
    const problems = await rejection(() =>
      importFormat(subgraph.dataSource, allocations, [write('dup.csv', `${header}\n${row}\n${row}\n`)]),
    );
    expect(problems).toEqual([expect.objectContaining({ file: 'dup.csv', row: 3, field: 'id' })]);
  });
});
