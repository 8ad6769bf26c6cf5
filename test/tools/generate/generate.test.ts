import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBudgetFiles } from '../../../subgraphs/budgets/importers/shcp-budget.importer';
import { writeBudgetFiles } from '../../../tools/generate/budget';
import { readBudgetCatalogue } from '../../../tools/generate/catalogue';
import { Random } from '../../../tools/generate/random';
import { generateAll } from '../../../tools/generate/generate-all';
import { budgetFileName, compranetFileName, LAYOUT } from '../../../tools/generate/synthetic';
import { parseGenerateArgs } from '../../../tools/generate/options';
import { centavosOf, csvObjects, DATA, filesOf, generate, ocdsReleases, type Generated } from './helpers';

const BUDGET = path.join(LAYOUT.budget, budgetFileName(1));
const budgetFile = (directory: string) => path.join(directory, BUDGET);

const SIZE = { lines: 600, transactions: 1_500, records: 40, contracts: 300 };

let first: Generated;
let again: Generated;
let other: Generated;

beforeAll(() => {
  first = generate({ ...SIZE, seed: 'alpha' });
  again = generate({ ...SIZE, seed: 'alpha' });
  other = generate({ ...SIZE, seed: 'beta' });
});
afterAll(() => {
  for (const generated of [first, again, other]) generated.remove();
});

describe('determinism', () => {
  test('the same seed writes byte-identical files', () => {
    const a = filesOf(first.directory);
    const b = filesOf(again.directory);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.size).toBeGreaterThan(4);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!)).toBe(true);
  });

  test('another seed writes different files', () => {
    const a = filesOf(first.directory);
    const c = filesOf(other.directory);
    for (const name of [
      BUDGET,
      path.join('ocds', 'ocds-synthetic-000001.json'),
      path.join('archives', 'records.csv'),
      path.join(LAYOUT.compranet, compranetFileName(1)),
    ]) {
      expect(a.get(name)!.equals(c.get(name)!)).toBe(false);
    }
  });

  test('the budget file depends on the seed and line count only, not on how many payments or records are asked for', () => {
    const fewer = generate({ lines: SIZE.lines, transactions: 10, records: 0, seed: 'alpha' });
    try {
      expect(filesOf(fewer.directory).get(BUDGET)!.equals(filesOf(first.directory).get(BUDGET)!)).toBe(true);
    } finally {
      fewer.remove();
    }
  });

  test('regenerating into an earlier output folder replaces it entirely (no stale OCDS file left)', () => {
    const big = generate({ lines: 50, transactions: 3_000, records: 0, seed: 'x' });
    try {
      generateAll({ lines: 50, transactions: 10, records: 0, contracts: 0, seed: 'x', linesPerFile: 10, out: big.directory }, DATA);
      expect(fs.readdirSync(path.join(big.directory, 'shcp-pef'))).toHaveLength(5);
      expect(fs.readdirSync(path.join(big.directory, 'ocds'))).toEqual(['ocds-synthetic-000001.json']);
    } finally {
      big.remove();
    }
  });
});

describe('the SHCP budget file', () => {
  const rows = () => csvObjects(budgetFile(first.directory));

  test('has the 39-column header of the shipped OFDP sample, CRLF line ends, and the requested number of lines', () => {
    const sampleHeader = fs.readFileSync(path.join(DATA, 'shcp-pef', '2018.sample.csv'), 'utf8').split(/\r?\n/)[0];
    const text = fs.readFileSync(budgetFile(first.directory), 'utf8');
    expect(text.split('\r\n')[0]).toBe(sampleHeader);
    expect(sampleHeader.split(',')).toHaveLength(39);
    expect(rows()).toHaveLength(SIZE.lines);
  });

  test('is fiscal year 2099, uses real catalogue codes, and its amounts obey approved ≥ 0 and paid ≤ accrued ≤ modified', () => {
    const sample = csvObjects(path.join(DATA, 'shcp-pef', '2018.sample.csv')).concat(
      csvObjects(path.join(DATA, 'shcp-pef', '2017.sample.csv')),
    );
    const real = (column: string) => new Set(sample.map((row) => row[column]));
    const ramos = real('id_ramo');
    const items = real('id_partida_especifica');
    const programs = real('desc_pp');
    for (const row of rows()) {
      expect(row.ciclo).toBe('2099');
      expect(ramos.has(row.id_ramo)).toBe(true);
      expect(items.has(row.id_partida_especifica)).toBe(true);
      expect(programs.has(row.desc_pp)).toBe(true);
      const [approved, modified, accrued, exercised, paid] = [
        'monto_aprobado',
        'monto_modificado',
        'monto_devengado',
        'monto_ejercido',
        'monto_pagado',
      ].map((c) => centavosOf(row[c]));
      expect(approved >= 0n).toBe(true);
      expect(paid <= exercised && exercised <= accrued && accrued <= modified).toBe(true);
      expect(paid >= 0n).toBe(true);
    }
  });

  test("a big generation is split into files of a real year's size, with the same lines as one file would hold", () => {
    const catalogue = readBudgetCatalogue(DATA);
    const split = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-split-'));
    try {
      const summary = writeBudgetFiles(split, 25, catalogue, Random.stream('s', 'budget'), 10);
      expect(summary.files).toEqual([budgetFileName(1), budgetFileName(2), budgetFileName(3)]);
      const parsed = parseBudgetFiles(summary.files.map((name) => ({ file: path.join(split, name), dataset: 'synthetic' })));
      expect(parsed.problems).toEqual([]);
      expect(parsed.lineCount).toBe(25);
      const whole = writeBudgetFiles(path.join(split, 'whole'), 25, catalogue, Random.stream('s', 'budget'));
      const body = (file: string) => fs.readFileSync(file, 'utf8').split('\r\n').slice(1).filter(Boolean);
      expect(summary.files.flatMap((name) => body(path.join(split, name)))).toEqual(body(path.join(split, 'whole', whole.files[0])));
    } finally {
      fs.rmSync(split, { recursive: true, force: true });
    }
  });
});

describe('the OCDS files and the records', () => {
  test('hold exactly the requested payments, split over several files, each release charged to a generated program', () => {
    const releases = ocdsReleases(first.directory);
    const budgetPrograms = new Set(
      csvObjects(budgetFile(first.directory)).map((r) => `${r.id_ramo.padStart(2, '0')}${r.id_modalidad}${r.id_pp.padStart(3, '0')}`),
    );
    expect(releases.length).toBeGreaterThan(1);
    const payments = releases.flatMap((release) => release.contracts.flatMap((contract) => contract.implementation.transactions));
    expect(payments).toHaveLength(SIZE.transactions);
    for (const release of releases as unknown as {
      planning: { budget: { anio: number; ramo: string; programa_presupuestario: string } };
    }[]) {
      expect(release.planning.budget.anio).toBe(2099);
      expect(budgetPrograms.has(`${release.planning.budget.ramo}${release.planning.budget.programa_presupuestario}`)).toBe(true);
    }
    expect(first.manifest.ocds).toMatchObject({ transactions: SIZE.transactions, files: releases.length });
  });

  test('records: the requested count, real series codes, subjects that name generated contracts, payments and programs', () => {
    const records = csvObjects(path.join(first.directory, 'archives', 'records.csv'));
    expect(records).toHaveLength(SIZE.records);
    const series = new Set(csvObjects(path.join(DATA, 'archives', 'cadido_series.csv')).map((row) => row.series_code));
    for (const record of records) expect(series.has(record.series_code)).toBe(true);
    const contracts = new Set(ocdsReleases(first.directory).flatMap((r) => r.contracts.map((c) => `${r.ocid}/${c.id}`)));
    const subjects = csvObjects(path.join(first.directory, 'archives', 'record_subjects.csv'));
    const contractSubjects = subjects.filter((s) => s.kind === 'CONTRACT');
    expect(contractSubjects.length).toBeGreaterThan(0);
    for (const subject of contractSubjects) expect(contracts.has(subject.subject_id)).toBe(true);
    expect(subjects.filter((s) => s.kind === 'BUDGET_PROGRAM').every((s) => s.subject_id.startsWith('2099:'))).toBe(true);
  });

  test('the manifest declares everything as the synthetic dataset', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(first.directory, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ dataset: 'synthetic', seed: 'alpha', fiscalYear: 2099, budget: { lines: SIZE.lines } });
    expect(manifest.note).toMatch(/^SYNTHETIC/);
    const catalogue = JSON.parse(fs.readFileSync(path.join(DATA, 'datasets.json'), 'utf8'));
    expect(catalogue.synthetic).toMatchObject({ publisher: 'this project (generated)', licence: 'CC0-1.0', illustrative: true });
  });
});

describe('arguments', () => {
  test('defaults, and refusal of unknown or malformed ones', () => {
    expect(parseGenerateArgs(['--lines', '1000'])).toEqual({
      lines: 1000,
      transactions: 1000,
      records: 10,
      contracts: 0,
      linesPerFile: 250_000,
      seed: '1',
      out: '.data/generated',
    });
    expect(
      parseGenerateArgs([
        '--lines',
        '1_000_000',
        '--transactions',
        '5000000',
        '--seed',
        'x',
        '--out',
        'o',
        '--records',
        '0',
        '--lines-per-file',
        '100000',
        '--contracts',
        '200000',
      ]),
    ).toEqual({
      lines: 1_000_000,
      linesPerFile: 100_000,
      transactions: 5_000_000,
      records: 0,
      contracts: 200_000,
      seed: 'x',
      out: 'o',
    });
    expect(() => parseGenerateArgs([])).toThrow('--lines is required');
    expect(() => parseGenerateArgs(['--lines', '0'])).toThrow('--lines must be a whole number');
    expect(() => parseGenerateArgs(['--lines', '10', '--line', '3'])).toThrow('unknown argument "--line"');
    expect(() => parseGenerateArgs(['--lines'])).toThrow('--lines needs a value');
  });

  test('an output folder that holds something else is refused', () => {
    const foreign = generate({ lines: 1, transactions: 0, records: 0, seed: 's' });
    try {
      fs.rmSync(path.join(foreign.directory, 'manifest.json'));
      expect(() =>
        generateAll({ lines: 1, transactions: 0, records: 0, contracts: 0, seed: 's', linesPerFile: 1, out: foreign.directory }, DATA),
      ).toThrow('is not empty');
    } finally {
      foreign.remove();
    }
  });
});
