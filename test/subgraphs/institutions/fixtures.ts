import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export const DATA = path.resolve(__dirname, '../../../data');

/** Distinct ramos and responsible units (ramo + id_ur) of the two shipped PEF samples, read straight from the CSV. */
export function pefCodes(): { ramos: Set<string>; units: Set<string>; unitsOf: (ramo: string) => string[] } {
  const ramos = new Set<string>();
  const units = new Set<string>();
  for (const year of [2017, 2018]) {
    const rows: Record<string, string>[] = parse(fs.readFileSync(path.join(DATA, `shcp-pef/${year}.sample.csv`), 'utf8'), {
      columns: true,
    });
    for (const row of rows) {
      const ramo = row.id_ramo.padStart(2, '0');
      ramos.add(ramo);
      units.add(`${ramo}${row.id_ur}`);
    }
  }
  return { ramos, units, unitsOf: (ramo) => [...units].filter((unit) => unit.startsWith(ramo)) };
}

export interface GuarantorRecord {
  entidad: string;
  [key: string]: unknown;
}

export function guarantorRecords(): GuarantorRecord[] {
  return JSON.parse(fs.readFileSync(path.join(DATA, 'organos-garantes/inai-data.json'), 'utf8')) as GuarantorRecord[];
}

const temporaryDirectories: string[] = [];

/** Writes a malformed input to a temporary directory; each call gets its own. */
export function tempFile(name: string, content: string | Buffer): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'institutions-import-'));
  temporaryDirectories.push(directory);
  const file = path.join(directory, name);
  fs.writeFileSync(file, content);
  return file;
}

export function removeTempFiles(): void {
  for (const directory of temporaryDirectories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
}
