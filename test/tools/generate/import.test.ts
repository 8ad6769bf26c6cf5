import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { definition as archivesDefinition } from '../../../subgraphs/archives/definition';
import { ArchivalRecord } from '../../../subgraphs/archives/entities/record.entity';
import { RecordSubject } from '../../../subgraphs/archives/entities/record-subject.entity';
import { records } from '../../../subgraphs/archives/importers/records.format';
import { definition as budgetsDefinition } from '../../../subgraphs/budgets/definition';
import { BudgetLine } from '../../../subgraphs/budgets/entities/budget-line.entity';
import { BudgetProgram } from '../../../subgraphs/budgets/entities/budget-program.entity';
import { ContractProgram } from '../../../subgraphs/budgets/entities/contract-program.entity';
import { Contract } from '../../../subgraphs/budgets/entities/contract.entity';
import { Transaction } from '../../../subgraphs/budgets/entities/transaction.entity';
import { compranet } from '../../../subgraphs/budgets/importers/compranet.format';
import { ocds } from '../../../subgraphs/budgets/importers/ocds.format';
import { shcpBudget } from '../../../subgraphs/budgets/importers/shcp-budget.format';
import { budgetFileName, compranetFileName, LAYOUT } from '../../../tools/generate/synthetic';
import { CENTAVO, toMoney } from '../../../subgraphs/kit/money';
import { importFormat, parseFormat, rowsOf } from '../../helpers/formats';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { centavosOf, csvObjects, generate, ocdsReleases, type Generated } from './helpers';

const LINES = 500;
const TRANSACTIONS = 1_200;
const RECORDS = 30;
const CONTRACTS = 2_000;

let generated: Generated;
let budgets: TestSubgraph;

beforeAll(async () => {
  generated = generate({ lines: LINES, transactions: TRANSACTIONS, records: RECORDS, contracts: CONTRACTS, seed: 'import' });
  budgets = await openTestSubgraph(budgetsDefinition, { loadSample: false });
});
afterAll(async () => {
  await budgets.close();
  generated.remove();
});

const MOMENTS = {
  approved: 'monto_aprobado',
  modified: 'monto_modificado',
  accrued: 'monto_devengado',
  exercised: 'monto_ejercido',
  paid: 'monto_pagado',
} as const;

/** Contract–program links whose program the budget file did not define. */
function orphanProgramLinks(manager: EntityManager): Promise<number> {
  return manager
    .getRepository(ContractProgram)
    .createQueryBuilder('link')
    .leftJoin(BudgetProgram, 'program', 'program.id = link.programId')
    .where('program.id IS NULL')
    .getCount();
}

/** A part of the generated folder, as one would give it to the CLI. */
const part = (directory: string) => path.join(generated.directory, directory);

describe('the generated SHCP file through the real SHCP importer', () => {
  test('parses with no problem: every budget key is distinct and every field valid', async () => {
    const parsed = await parseFormat(shcpBudget, [part(LAYOUT.budget)]);
    expect(parsed.fatal).toEqual([]);
    expect(rowsOf(parsed, BudgetLine)).toHaveLength(LINES);
    expect(rowsOf(parsed, BudgetProgram)).toHaveLength(generated.manifest.budget.programs);
  });

  test('loads the expected rows, and re-loading it changes nothing', async () => {
    await importFormat(budgets.dataSource, shcpBudget, [part(LAYOUT.budget)]);
    await importFormat(budgets.dataSource, shcpBudget, [part(LAYOUT.budget)]);
    expect(await budgets.dataSource.manager.count(BudgetLine)).toBe(LINES);
    expect(await budgets.dataSource.manager.count(BudgetProgram)).toBe(generated.manifest.budget.programs);
  });

  test('sums through SQL equal the sums of the file computed with BigInt, moment by moment', async () => {
    const rows = csvObjects(path.join(generated.directory, LAYOUT.budget, budgetFileName(1)));
    const select = Object.keys(MOMENTS).map((moment) => `CAST(SUM(line.${moment}) AS TEXT) AS "${moment}"`);
    const [sums] = await budgets.dataSource.getRepository(BudgetLine).createQueryBuilder('line').select(select).getRawMany();
    for (const [moment, column] of Object.entries(MOMENTS)) {
      const expected = rows.reduce((total, row) => total + centavosOf(row[column]), 0n);
      expect(toMoney(sums[moment])).toBe(expected * CENTAVO);
    }
  });

  test("a program's totals through GraphQL equal its lines in the file, and provenance says synthetic", async () => {
    const rows = csvObjects(path.join(generated.directory, LAYOUT.budget, budgetFileName(1)));
    const first = rows[0];
    const key = `${first.id_ramo.padStart(2, '0')}${first.id_modalidad}${first.id_pp.padStart(3, '0')}`;
    const ofProgram = rows.filter((row) => `${row.id_ramo.padStart(2, '0')}${row.id_modalidad}${row.id_pp.padStart(3, '0')}` === key);
    const result = await budgets.query(
      `query($id: ID!) { budgetProgram(id: $id) { fiscalYear totals { approved modified paid }
        lines(first: 1) { edges { node { source { dataset file row publisher licence note illustrative } } } } } }`,
      { id: `2099:${key}` },
    );
    expect(result.errors).toBeUndefined();
    const program = result.data!.budgetProgram;
    expect(program.fiscalYear).toBe(2099);
    const sum = (column: string) => ofProgram.reduce((total, row) => total + centavosOf(row[column]), 0n);
    const asMoney = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
    expect(program.totals).toEqual({
      approved: asMoney(sum('monto_aprobado')),
      modified: asMoney(sum('monto_modificado')),
      paid: asMoney(sum('monto_pagado')),
    });
    expect(program.lines.edges[0].node.source).toEqual({
      dataset: 'synthetic',
      file: budgetFileName(1),
      row: expect.any(Number),
      publisher: 'this project (generated)',
      licence: 'CC0-1.0',
      note: 'SYNTHETIC: generated by npm run generate for benchmarks; not public data',
      illustrative: true,
    });
  });
});

describe('the generated OCDS files through the real OCDS importer', () => {
  test('load the expected contracts and payments, linked to generated programs, with exact amounts and synthetic provenance', async () => {
    const parsed = await importFormat(budgets.dataSource, ocds, [part(LAYOUT.ocds)]);
    expect([...parsed.fatal, ...parsed.skippable]).toEqual([]);
    const manager = budgets.dataSource.manager;
    expect(await manager.count(Contract)).toBe(generated.manifest.ocds.contracts);
    expect(await manager.count(Transaction)).toBe(TRANSACTIONS);
    expect(await manager.count(ContractProgram)).toBe(generated.manifest.ocds.contracts);

    expect(await orphanProgramLinks(manager)).toBe(0);

    const [{ total }] = await manager
      .getRepository(Transaction)
      .createQueryBuilder('t')
      .select('CAST(SUM(t.amountValue) AS TEXT)', 'total')
      .getRawMany();
    const expected = ocdsReleases(generated.directory)
      .flatMap((release) => release.contracts.flatMap((contract) => contract.implementation.transactions))
      .reduce((sum, payment) => sum + centavosOf(payment.value.amount.toFixed(2)), 0n);
    expect(toMoney(total)).toBe(expected * CENTAVO);

    const datasets = await manager
      .getRepository(Transaction)
      .createQueryBuilder('t')
      .select('DISTINCT t.sourceDataset', 'dataset')
      .getRawMany();
    expect(datasets).toEqual([{ dataset: 'synthetic' }]);
    const contractDatasets = await manager
      .getRepository(Contract)
      .createQueryBuilder('c')
      .select('DISTINCT c.sourceDataset', 'dataset')
      .getRawMany();
    expect(contractDatasets).toEqual([{ dataset: 'synthetic' }]);
  });
});

describe('the generated archival records through the real records importer', () => {
  test('load against the shipped disposition catalogue, with synthetic provenance', async () => {
    const archives = await openTestSubgraph(archivesDefinition, { loadSample: true });
    try {
      const before = await archives.dataSource.manager.count(ArchivalRecord);
      const parsed = await importFormat(archives.dataSource, records, [part(LAYOUT.archives)]);
      expect(parsed.fatal).toEqual([]);
      const manager = archives.dataSource.manager;
      expect(await manager.count(ArchivalRecord)).toBe(before + RECORDS);
      expect(await manager.countBy(ArchivalRecord, { source: { dataset: 'synthetic' } })).toBe(RECORDS);
      expect(await manager.countBy(RecordSubject, { source: { dataset: 'synthetic' } })).toBe(generated.manifest.archives.subjects);
    } finally {
      await archives.close();
    }
  });
});

describe('the generated CompraNet file through the real CompraNet importer', () => {
  // A database of its own: the OCDS contracts above are of the same fiscal year and would count in the flags.
  let procurement: TestSubgraph;
  let parsed: Awaited<ReturnType<typeof importFormat>>;
  beforeAll(async () => {
    procurement = await openTestSubgraph(budgetsDefinition, { loadSample: false });
    await importFormat(procurement.dataSource, shcpBudget, [part(LAYOUT.budget)]);
    parsed = await importFormat(procurement.dataSource, compranet, [part(LAYOUT.compranet)]);
  });
  afterAll(() => procurement.close());

  test('loads every contract with no rejected row, charged to generated programs, with exact values and synthetic provenance', async () => {
    expect([...parsed.fatal, ...parsed.skippable]).toEqual([]);
    const rows = csvObjects(path.join(generated.directory, LAYOUT.compranet, compranetFileName(1)));
    expect(rows).toHaveLength(CONTRACTS);
    const manager = procurement.dataSource.manager;
    const stored = await manager
      .getRepository(Contract)
      .createQueryBuilder('c')
      .select('c.valueCurrency', 'currency')
      .addSelect('CAST(SUM(c.valueAmount) AS TEXT)', 'total')
      .addSelect('COUNT(*)', 'contracts')
      .addSelect('MIN(c.sourceDataset)', 'dataset')
      .addSelect('MAX(c.sourceDataset)', 'lastDataset')
      .groupBy('c.valueCurrency')
      .orderBy('c.valueCurrency')
      .getRawMany();
    const currencies = [...new Set(rows.map((row) => row.MONEDA))].sort();
    expect(stored.map((cell) => cell.currency)).toEqual(currencies);
    for (const cell of stored) {
      const ofCurrency = rows.filter((row) => row.MONEDA === cell.currency);
      expect(Number(cell.contracts)).toBe(ofCurrency.length);
      expect(toMoney(cell.total)).toBe(ofCurrency.reduce((sum, row) => sum + centavosOf(row.IMPORTE_CONTRATO), 0n) * CENTAVO);
      expect([cell.dataset, cell.lastDataset]).toEqual(['synthetic', 'synthetic']);
    }
    expect(await orphanProgramLinks(manager)).toBe(0);
  });

  test('every red flag the CompraNet columns allow is raised on some contracts and checked clean on others', async () => {
    const rows = csvObjects(path.join(generated.directory, LAYOUT.compranet, compranetFileName(1)));
    const result = await procurement.query('{ redFlagCoverage(filter: { fiscalYear: 2099 }) { code checked raised } }');
    expect(result.errors).toBeUndefined();
    const coverage = new Map(result.data!.redFlagCoverage.map((flag: { code: string }) => [flag.code, flag]));
    const startedBefore = rows.filter((row) => row.FECHA_INICIO < row.FECHA_CELEBRACION).length;
    const amended = rows.filter((row) => row.CONVENIO_MODIFICATORIO === '1').length;
    expect(coverage.get('STARTED_BEFORE_SIGNED')).toEqual({
      code: 'STARTED_BEFORE_SIGNED',
      checked: expect.any(Number),
      raised: startedBefore,
    });
    expect(coverage.get('AMENDED')).toEqual({ code: 'AMENDED', checked: expect.any(Number), raised: amended });
    for (const code of ['SHORT_SUBMISSION_PERIOD', 'STARTED_BEFORE_SIGNED', 'AMENDED', 'REPEATED_DIRECT_AWARD']) {
      const flag = coverage.get(code) as { checked: number; raised: number };
      expect(flag.raised).toBeGreaterThan(0);
      expect(flag.checked).toBeGreaterThan(flag.raised);
    }
  });
});
