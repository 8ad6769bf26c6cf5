import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateAll, type Manifest } from '../../../tools/generate/generate-all';
import type { GenerateOptions } from '../../../tools/generate/options';
import { LINES_PER_BUDGET_FILE } from '../../../tools/generate/synthetic';

export const DATA = path.resolve(__dirname, '../../../data');

export interface Generated {
  directory: string;
  manifest: Manifest;
  remove(): void;
}

/** Generates into a fresh temporary folder. */
export function generate(options: Omit<GenerateOptions, 'out' | 'linesPerFile' | 'contracts'> & { contracts?: number }): Generated {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-generate-'));
  const manifest = generateAll({ contracts: 0, ...options, linesPerFile: LINES_PER_BUDGET_FILE, out: directory }, DATA);
  return { directory, manifest, remove: () => fs.rmSync(directory, { recursive: true, force: true }) };
}

/** Every file under `directory`, relative path → bytes. */
export function filesOf(directory: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(directory, full), fs.readFileSync(full));
    }
  };
  walk(directory);
  return files;
}

/** CSV records as objects, read with csv-parse directly (not through the importer under test). */
export function csvObjects(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
}

/** "1234.05" → 123405n: the generator always writes two decimals and never a sign. */
export function centavosOf(text: string): bigint {
  expect(text).toMatch(/^\d+\.\d{2}$/);
  return BigInt(text.replace('.', ''));
}

/** Every OCDS file of a generation, parsed. */
export function ocdsReleases(
  directory: string,
): { ocid: string; contracts: { id: string; implementation: { transactions: { value: { amount: number } }[] } }[] }[] {
  const folder = path.join(directory, 'ocds');
  return fs
    .readdirSync(folder)
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')));
}
