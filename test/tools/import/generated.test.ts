import fs from 'node:fs';
import path from 'node:path';
import { openDataSource } from '../../../subgraphs/kit/data-source';
import { SUBGRAPHS } from '../../../tools/subgraphs';
import { LAYOUT } from '../../../tools/generate/synthetic';
import { generate, type Generated } from '../generate/helpers';
import { runJson, sandbox, type Sandbox } from './cli';

let generated: Generated;
let box: Sandbox;

beforeAll(() => {
  generated = generate({ lines: 300, transactions: 40, records: 0, seed: 'cli' });
  box = sandbox();
});
afterAll(async () => {
  await box.cleanup();
  generated.remove();
});

async function datasets(table: string): Promise<string[]> {
  const { dataSource } = await openDataSource('budgets', SUBGRAPHS.budgets.entities, box.config);
  try {
    const rows = (await dataSource.query(
      `SELECT DISTINCT ${dataSource.driver.escape('sourceDataset')} AS dataset FROM ${dataSource.getMetadata(table).tablePath} ORDER BY 1`,
    )) as { dataset: string }[];
    return rows.map((row) => row.dataset);
  } finally {
    await dataSource.destroy();
  }
}

describe('files of npm run generate through the import CLI', () => {
  test('budget lines are labelled with the synthetic dataset, which data/datasets.json describes', async () => {
    const { code, report } = await runJson(box, ['shcp-budget', path.join(generated.directory, LAYOUT.budget)]);
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ inserted: 300, rejected: 0 });
    expect(report.warnings).toEqual([]);
    expect(await datasets('BudgetLine')).toEqual(['synthetic']);
  });

  test('OCDS contracts and payments too, not INAI', async () => {
    const { code } = await runJson(box, ['ocds', path.join(generated.directory, LAYOUT.ocds)]);
    expect(code).toBe(0);
    expect(await datasets('Contract')).toEqual(['synthetic']);
    expect(await datasets('Transaction')).toEqual(['synthetic']);
  });

  test('the marker is the manifest: the same budget file copied elsewhere is read by its ciclo', async () => {
    const copy = path.join(box.inputs, 'elsewhere', 'shcp-pef', path.basename(generated.manifest.budget.files[0]));
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(path.join(generated.directory, LAYOUT.budget, generated.manifest.budget.files[0]), copy);
    const { report } = await runJson(box, ['shcp-budget', copy, '--dry-run']);
    expect(report.warnings).toEqual([expect.stringContaining('dataset "shcp-pef-2099" is not described')]);
  });
});
