import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { BudgetLine } from '../../../subgraphs/budgets/entities/budget-line.entity';
import { definition } from '../../../subgraphs/budgets/definition';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { countRows, DATA, inputFile, runJson, sandbox, type Sandbox } from './cli';

/**
 * Sums beyond one amount's range (±922337203685477.5807 pesos, a 64-bit column of ten-thousandths), loaded through the
 * import CLI and read through the budgets subgraph: every aggregate adds single years' cells or amounts exactly, on
 * SQLite and on PostgreSQL (DATABASE_URL), and only what storage itself cannot hold is refused at import.
 */

const MAX = '922337203685477.5807';
const PEF_2017 = path.join(DATA, 'shcp-pef', '2017.sample.csv');
const CUENTA_2017 = path.join(DATA, 'cuenta-publica', '2017.csv');

const quoted = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const pefRows = parse(fs.readFileSync(PEF_2017, 'utf8'), { columns: true }) as Record<string, string>[];
const pefHeader = Object.keys(pefRows[0]);
const ramoOf = (row: Record<string, string>) => row.id_ramo.padStart(2, '0');
const programKey = (row: Record<string, string>) => `${ramoOf(row)}${row.id_modalidad}${row.id_pp.padStart(3, '0')}`;
// Lines of five ramos, so that cells across years can be ordered against each other.
const [lineA, lineB, lineC, lineD, lineE] = [...new Map(pefRows.map((row) => [ramoOf(row), row])).values()];

/** A PEF file of one fiscal year: each given sample line with that year and the given approved amount. */
function pef(box: Sandbox, year: number, lines: [Record<string, string>, string][]): string {
  const text = lines.map(([row, approved]) =>
    pefHeader.map((column) => quoted(column === 'ciclo' ? String(year) : column === 'monto_aprobado' ? approved : row[column])).join(','),
  );
  return inputFile(box, `${year}.csv`, `${[pefHeader.join(','), ...text].join('\n')}\n`);
}

/** A Cuenta Pública file of one year: the Cámara de Diputados' R001 alone, every figure `amount`, as an ente, a ramo and a program. */
function cuentaPublica(box: Sandbox, year: number, amount: string): string {
  const header = fs.readFileSync(CUENTA_2017, 'utf8').split('\n')[0].split(',');
  const row = (ramo: string, program: string, label: string, total: string) =>
    header
      .map((column) => {
        const cell: Record<string, string> = {
          CICLO: String(year),
          ENTE: 'Poder Legislativo',
          RAMO: ramo,
          SUBRAMO: '',
          PROGRAMA: program,
          PRESUPUESTO: label,
          TOTAL: total,
        };
        return quoted(cell[column] ?? '');
      })
      .join(',');
  const figures = (ramo: string, program: string) =>
    ['Aprobado', 'Modificado', 'Devengado', 'Ejercicio'].map((label) => row(ramo, program, label, amount));
  const lines = [
    header.join(','),
    ...figures('', 'TOTAL'),
    ...figures('H. Cámara de Diputados', 'TOTAL'),
    row('H. Cámara de Diputados', 'R001', 'Actividades derivadas del trabajo legislativo', ''),
    ...figures('H. Cámara de Diputados', 'R001'),
  ];
  return inputFile(box, `${year}.csv`, `${lines.join('\n')}\n`);
}

/** An OCDS release with one contract signed in `year`, awarded directly, worth `amount` pesos. */
function release(box: Sandbox, year: number, amount: string): string {
  const text = `{"ocid": "ocds-abc123-sum${year}", "date": "${year}-01-01T00:00:00Z", "tender": {"procurementMethod": "direct"},
    "buyer": {"name": "Comprador de prueba"},
    "contracts": [{"id": "1", "dateSigned": "${year}-02-01T00:00:00Z", "value": {"amount": ${amount}, "currency": "MXN"}}]}`;
  return inputFile(box, `${year}.json`, text);
}

let box: Sandbox;
let budgets: TestSubgraph;

beforeAll(async () => {
  box = sandbox({ LOAD_SAMPLE: 'false' });
  const imports: string[][] = [
    // Each year's cells hold 900 trillion pesos, within range; the two years together do not.
    ['shcp-budget', pef(box, 2041, [[lineA, '900000000000000.00']])],
    ['shcp-budget', pef(box, 2042, [[lineA, '900000000000000.00']])],
    // One amount at each end of the range, the most one year's cell may hold.
    ['shcp-budget', pef(box, 2043, [[lineB, MAX]])],
    ['shcp-budget', pef(box, 2044, [[lineB, MAX]])],
    ['shcp-budget', pef(box, 2045, [[lineC, `-${MAX}`]])],
    ['shcp-budget', pef(box, 2046, [[lineC, '-1.00']])],
    // SQLite sums 10⁵-peso parts and remainders apart: D's parts (1, −10⁴ pesos) would order it above E's (0, 95,000).
    [
      'shcp-budget',
      pef(box, 2049, [
        [lineD, '150000.00'],
        [lineE, '95000.00'],
      ]),
    ],
    ['shcp-budget', pef(box, 2050, [[lineD, '-60000.00']])],
    ['cuenta-publica', cuentaPublica(box, 2041, '900000000000000.00')],
    ['cuenta-publica', cuentaPublica(box, 2042, '900000000000000.00')],
    ['ocds', release(box, 2041, '900000000000000.00')],
    ['ocds', release(box, 2042, '900000000000000.00')],
  ];
  for (const argv of imports) {
    const { code, report } = await runJson(box, argv);
    expect([argv[0], code, report.problems]).toEqual([argv[0], 0, []]);
  }
  const allocations = [
    'commitment_id,fiscal_year,program_key,scope_state_id,scope_municipality,assigned,basis,dataset,file,row,note',
    ...[2041, 2042].map((year) => `MX-TLA-PAL-2041-01,${year},${programKey(lineA)},,,,ILLUSTRATIVE,illustrative,,,A test allocation`),
  ];
  const linked = await runJson(box, ['allocations', inputFile(box, 'allocations.csv', `${allocations.join('\n')}\n`)]);
  expect([linked.code, linked.report.problems]).toEqual([0, []]);
  budgets = await openTestSubgraph(definition, { config: box.config });
}, 120_000);

afterAll(async () => {
  await budgets?.close();
  await box?.cleanup();
});

const TWO_YEARS = 'filter: { fiscalYears: [2041, 2042] }';
const approvedCells = async (groupBy: string, filter = TWO_YEARS) => {
  const { spending } = await budgets.data(
    `{ spending(groupBy: [${groupBy}], ${filter}) { total { approved } edges { node { amounts { approved } lineCount } } } }`,
  );
  return { total: spending.total.approved, cells: spending.edges.map((edge: any) => [edge.node.amounts.approved, edge.node.lineCount]) };
};

describe('spending sums across years beyond one amount’s range', () => {
  test('by fiscal year: each year’s cell as loaded, their total exact', async () => {
    expect(await approvedCells('FISCAL_YEAR')).toEqual({
      total: '1800000000000000.00',
      cells: [
        ['900000000000000.00', 1],
        ['900000000000000.00', 1],
      ],
    });
  });

  test.each(['', 'RAMO', 'STATE'])('grouped by [%s] (pre-summed cells of two years added)', async (groupBy) => {
    expect(await approvedCells(groupBy)).toEqual({ total: '1800000000000000.00', cells: [['1800000000000000.00', 2]] });
  });

  test.each([
    ['MODALITY, FUNDING_SOURCE', 'its pair rollup'],
    ['STATE, MODALITY, FUNDING_SOURCE', 'the finest cells: no coarser rollup covers it'],
  ])('grouped by [%s] (%s), as exactly', async (groupBy) => {
    expect(await approvedCells(groupBy)).toEqual({ total: '1800000000000000.00', cells: [['1800000000000000.00', 2]] });
  });

  test('at the ends of one amount’s range: two maximal years add up exactly, and a minimal one takes it back', async () => {
    expect(await approvedCells('RAMO', 'filter: { fiscalYears: [2043, 2044] }')).toEqual({
      total: '1844674407370955.1614',
      cells: [['1844674407370955.1614', 2]],
    });
    expect((await approvedCells('', 'filter: { fiscalYears: [2043, 2044, 2045] }')).total).toBe(MAX);
    expect((await approvedCells('RAMO', 'filter: { fiscalYears: [2045, 2046] }')).cells).toEqual([['-922337203685478.5807', 2]]);
  });

  test('cells are ordered by their exact sums, both ways, whatever their size and sign', async () => {
    const ordered = async (direction: string) => {
      const { spending } = await budgets.data(
        `{ spending(groupBy: [RAMO], orderBy: { moment: APPROVED, direction: ${direction} }) {
           total { approved } edges { node { key { ramo { code } } amounts { approved } } } } }`,
      );
      return {
        total: spending.total.approved,
        cells: spending.edges.map((edge: any) => [edge.node.key.ramo.code, edge.node.amounts.approved]),
      };
    };
    const ascending = [
      [ramoOf(lineC), '-922337203685478.5807'],
      [ramoOf(lineD), '90000.00'],
      [ramoOf(lineE), '95000.00'],
      [ramoOf(lineA), '1800000000000000.00'],
      [ramoOf(lineB), '1844674407370955.1614'],
    ];
    expect(await ordered('ASC')).toEqual({ total: '2722337203870476.5807', cells: ascending });
    expect(await ordered('DESC')).toEqual({ total: '2722337203870476.5807', cells: [...ascending].reverse() });
  });

  test('a commitment funded by a program in both years', async () => {
    const { _entities } = await budgets.data(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Commitment { funding { approved } } } }',
      { r: [{ __typename: 'Commitment', id: 'MX-TLA-PAL-2041-01' }] },
    );
    expect(_entities).toEqual([{ funding: { approved: '1800000000000000.00' } }]);
  });
});

describe('public accounts and procurement across years', () => {
  test.each(['FISCAL_YEAR', 'RAMO', 'PROGRAM', ''])('public accounts grouped by [%s]', async (groupBy) => {
    const { publicAccounts } = await budgets.data(
      `{ publicAccounts(groupBy: [${groupBy}], orderBy: { moment: APPROVED, direction: DESC }) {
         total { approved exercised } edges { node { amounts { approved } accountCount } } } }`,
    );
    expect(publicAccounts.total).toEqual({ approved: '1800000000000000.00', exercised: '1800000000000000.00' });
    const cells =
      groupBy === 'FISCAL_YEAR'
        ? [
            ['900000000000000.00', 1],
            ['900000000000000.00', 1],
          ]
        : [['1800000000000000.00', 2]];
    expect(publicAccounts.edges.map((edge: any) => [edge.node.amounts.approved, edge.node.accountCount])).toEqual(cells);
  });

  test.each(['BUYER', 'PROCEDURE', ''])('procurement grouped by [%s], direct awards too', async (groupBy) => {
    const { procurement } = await budgets.data(
      `{ procurement(groupBy: [${groupBy}], orderBy: { by: VALUE, direction: DESC }) {
         edges { node { contractCount value { amount currency } directValue { amount } directShare } } } }`,
    );
    expect(procurement.edges.map((edge: any) => edge.node)).toEqual([
      {
        contractCount: 2,
        value: { amount: '1800000000000000.00', currency: 'MXN' },
        directValue: { amount: '1800000000000000.00' },
        directShare: 1,
      },
    ]);
  });
});

describe('what storage cannot hold is refused at import, and only that', () => {
  test('a year whose lines pass the range on the way but whose every cell fits loads, each cell exact', async () => {
    // Three lines in every cell together (they differ only in the portfolio key, no dimension): max, +0.0001, −0.0001.
    const portfolio = (id: string) => ({ ...lineA, id_clave_cartera: id });
    const file = pef(box, 2051, [
      [lineA, MAX],
      [portfolio('00000000001'), '0.0001'],
      [portfolio('00000000002'), '-0.0001'],
    ]);
    const { code, report } = await runJson(box, ['shcp-budget', file]);
    expect([code, report.problems]).toEqual([0, []]);
    for (const groupBy of ['', 'FISCAL_YEAR', 'RAMO', 'STATE, CHAPTER']) {
      expect(await approvedCells(groupBy, 'filter: { fiscalYears: [2051] }')).toEqual({ total: MAX, cells: [[MAX, 3]] });
    }
  });

  test('one amount below the documented range, −922337203685477.5808, is refused with file, row, field and reason', async () => {
    const file = pef(box, 2047, [[lineA, '-922337203685477.5808']]);
    const { code, report } = await runJson(box, ['shcp-budget', file]);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      {
        file,
        row: 2,
        field: 'monto_aprobado',
        value: '-922337203685477.5808',
        reason:
          'is out of range: amounts are stored as 64-bit integers of ten-thousandths of a peso, from -922337203685477.5807 to 922337203685477.5807',
      },
    ]);
  });

  test('one year’s lines adding up to −922337203685477.5808 in a pre-summed cell are refused, naming the cell and the line', async () => {
    const before = await countRows(box, 'budgets', [BudgetLine]);
    const file = pef(box, 2048, [
      [lineA, '-0.0001'],
      [lineB, `-${MAX}`],
    ]);
    const { code, report } = await runJson(box, ['shcp-budget', file]);
    expect(code).toBe(1);
    expect(report.problems).toContainEqual({
      file,
      row: 3,
      field: 'monto_aprobado',
      value: `-${MAX}`,
      reason:
        'takes the sum of approved over fiscal year 2048 to -922337203685477.5808, beyond the 922337203685477.5807 ' +
        'either way that a pre-summed aggregate cell holds exactly',
    });
    expect(await countRows(box, 'budgets', [BudgetLine])).toEqual(before);
  });
});
