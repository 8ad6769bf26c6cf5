import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { readCsvCollecting } from '../../kit/import/csv-file';
import { upsertAll } from '../../kit/import/bulk-write';
import { type ImportProblem } from '../../kit/import/problems';
import { sourceAt } from '../../kit/provenance';
import { GovernmentOrder, Institution, InstitutionKind } from '../entities/institution.entity';
import { ramoId, unitId } from '../../kit/ids';
import { newInstitution, type Parsed } from './shared/institution-fields';

const RAMO_ID = 'id_ramo';
const RAMO_NAME = 'desc_ramo';
const UR_ID = 'id_ur';
const UR_NAME = 'desc_ur';

/** Kinds by budget branch (*ramo*); every other ramo is a ministry or executive body. */
const KIND_BY_RAMO: Readonly<Record<string, InstitutionKind>> = {
  '01': InstitutionKind.LEGISLATIVE,
  '03': InstitutionKind.JUDICIAL,
  '31': InstitutionKind.JUDICIAL, // Tribunales Agrarios
  '32': InstitutionKind.JUDICIAL, // Tribunal Federal de Justicia Administrativa
  '22': InstitutionKind.AUTONOMOUS, // INE
  '35': InstitutionKind.AUTONOMOUS, // CNDH
  '40': InstitutionKind.AUTONOMOUS, // INEGI
  '41': InstitutionKind.AUTONOMOUS, // COFECE
  '42': InstitutionKind.AUTONOMOUS, // INEE
  '43': InstitutionKind.AUTONOMOUS, // IFT
  '44': InstitutionKind.AUTONOMOUS, // INAI
  // General-purpose branches (*ramos generales*): transfers, provisions, debt, not an institution's own spending.
  '19': InstitutionKind.OTHER,
  '23': InstitutionKind.OTHER,
  '24': InstitutionKind.OTHER,
  '25': InstitutionKind.OTHER,
  '28': InstitutionKind.OTHER,
  '29': InstitutionKind.OTHER,
  '30': InstitutionKind.OTHER,
  '33': InstitutionKind.OTHER,
  '34': InstitutionKind.OTHER,
  // Entities under direct budgetary control and state-owned companies: IMSS, ISSSTE, PEMEX, CFE.
  '50': InstitutionKind.OTHER,
  '51': InstitutionKind.OTHER,
  '52': InstitutionKind.OTHER,
  '53': InstitutionKind.OTHER,
};

function kindOfRamo(ramo: string): InstitutionKind {
  return KIND_BY_RAMO[ramo] ?? InstitutionKind.EXECUTIVE;
}

export function newRamo(ramo: string, name: string, source: Institution['source']): Institution {
  return newInstitution({
    id: ramoId(ramo),
    name,
    kind: kindOfRamo(ramo),
    order: GovernmentOrder.FEDERAL,
    identifiers: [{ scheme: 'MX-RAMO', id: ramo }],
    source,
  });
}

export function newUnit(ramo: string, cpaCode: string, name: string, source: Institution['source']): Institution {
  return newInstitution({
    id: unitId(cpaCode),
    name,
    kind: kindOfRamo(ramo),
    order: GovernmentOrder.FEDERAL,
    parentId: ramoId(ramo),
    identifiers: [{ scheme: 'MX-CPA', id: cpaCode }],
    source,
  });
}

export interface PefFile {
  file: string;
  dataset: string;
  displayName?: string;
}

export interface ParsedPef extends Parsed {
  institutions: Institution[];
}

/**
 * Ramos and responsible units from SHCP open budget files (the 39-column OFDP CSV), given newest first:
 * an institution keeps the name and source of the first file and line that names it, so the 2018 name wins
 * over the 2017 one.
 */
export function parsePef(files: PefFile[]): ParsedPef {
  const problems: ImportProblem[] = [];
  const byId = new Map<string, Institution>();
  for (const { file, dataset, displayName = path.basename(file) } of files) {
    for (const row of readCsvCollecting(file, [RAMO_ID, RAMO_NAME, UR_ID, UR_NAME], problems, displayName)) {
      const before = problems.length;
      const ramoText = row.values[RAMO_ID];
      const ur = row.values[UR_ID];
      const ramoName = row.values[RAMO_NAME];
      const urName = row.values[UR_NAME];
      const problem = (field: string, value: string, reason: string) =>
        problems.push({ file: displayName, row: row.line, field, value, reason });
      if (!/^\d{1,2}$/.test(ramoText)) problem(RAMO_ID, ramoText, 'is not a budget branch number (1 or 2 digits)');
      if (!/^[0-9A-Z]{3}$/.test(ur)) problem(UR_ID, ur, 'is not a responsible-unit code (3 letters or digits)');
      if (!ramoName) problem(RAMO_NAME, ramoName, 'is required');
      if (!urName) problem(UR_NAME, urName, 'is required');
      if (problems.length > before) continue;
      const ramo = ramoText.padStart(2, '0');
      const source = sourceAt(dataset, displayName, { row: row.line });
      if (!byId.has(ramoId(ramo))) byId.set(ramoId(ramo), newRamo(ramo, ramoName, source));
      const unit = newUnit(ramo, `${ramo}${ur}`, urName, source);
      if (!byId.has(unit.id)) byId.set(unit.id, unit);
    }
  }
  return { institutions: [...byId.values()], problems };
}

export async function writePef(manager: EntityManager, parsed: ParsedPef): Promise<void> {
  await upsertAll(manager, Institution, parsed.institutions);
}
