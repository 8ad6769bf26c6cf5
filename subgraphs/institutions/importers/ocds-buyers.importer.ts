import path from 'node:path';
import { In, type EntityManager } from 'typeorm';
import { upsertAll } from '../../kit/import/bulk-write';
import { type ImportProblem } from '../../kit/import/problems';
import { sourceAt } from '../../kit/provenance';
import { Institution } from '../entities/institution.entity';
import type { Parsed } from './shared/institution-fields';
import { isObject, readJson, type JsonObject } from '../../kit/import/json';
import { newRamo, newUnit } from './pef-institutions.importer';

const OCDS_FEDERAL_DATASET = 'ocds-mx-federal';
const CPA = 'MX-CPA';

export interface ParsedOcdsBuyers extends Parsed {
  /** Responsible units and their ramos as the releases name them; written only where the budget files did not. */
  candidates: Institution[];
}

/**
 * Buyers of federal OCDS releases: parties whose identifier is in the `MX-CPA` scheme (ramo + unit code,
 * e.g. `20147`), with the ramo named by the `MX-CPA` additional identifier.
 */
export function parseOcdsBuyers(files: string[], displayNameOf: (file: string) => string = (f) => path.basename(f)): ParsedOcdsBuyers {
  const problems: ImportProblem[] = [];
  const byId = new Map<string, Institution>();
  for (const file of files) {
    const displayName = displayNameOf(file);
    const release = readJson(file, displayName, problems);
    if (release === undefined) continue;
    if (!isObject(release) || !Array.isArray(release.parties)) {
      problems.push({ file: displayName, path: '$', field: 'parties', reason: 'an OCDS release must be an object with a "parties" array' });
      continue;
    }
    release.parties.forEach((party, i) => {
      const where = `$.parties[${i}]`;
      if (!isObject(party) || !isObject(party.identifier) || party.identifier.scheme !== CPA) return;
      for (const institution of buyerInstitutions(party, displayName, where, problems)) {
        if (!byId.has(institution.id)) byId.set(institution.id, institution);
      }
    });
  }
  return { candidates: [...byId.values()], problems };
}

function buyerInstitutions(party: JsonObject, file: string, where: string, problems: ImportProblem[]): Institution[] {
  const identifier = party.identifier as JsonObject;
  const code = typeof identifier.id === 'string' ? identifier.id : String(identifier.id);
  const name = typeof party.name === 'string' ? party.name.trim() : '';
  const before = problems.length;
  if (!/^\d{2}[0-9A-Z]{3}$/.test(code)) {
    problems.push({
      file,
      path: `${where}.identifier`,
      field: 'id',
      value: code,
      reason: 'is not an MX-CPA unit code (2-digit ramo + 3-character unit)',
    });
  }
  if (!name) problems.push({ file, path: where, field: 'name', reason: 'is required' });
  if (problems.length > before) return [];
  const ramo = code.slice(0, 2);
  const found: Institution[] = [];
  const extra = Array.isArray(party.additionalIdentifiers) ? party.additionalIdentifiers : [];
  extra.forEach((candidate, j) => {
    if (!isObject(candidate) || candidate.scheme !== CPA || candidate.id !== ramo) return;
    const ramoName = typeof candidate.legalName === 'string' ? candidate.legalName.trim() : '';
    if (ramoName)
      found.push(newRamo(ramo, ramoName, sourceAt(OCDS_FEDERAL_DATASET, file, { path: `${where}.additionalIdentifiers[${j}]` })));
  });
  found.push(newUnit(ramo, code, name, sourceAt(OCDS_FEDERAL_DATASET, file, { path: where })));
  return found;
}

/** Adds the buyers the database does not know yet: names from the budget files take precedence. */
export async function writeOcdsBuyers(manager: EntityManager, parsed: ParsedOcdsBuyers): Promise<void> {
  if (parsed.candidates.length === 0) return;
  const known = await manager.find(Institution, { select: { id: true }, where: { id: In(parsed.candidates.map((c) => c.id)) } });
  const knownIds = new Set(known.map((row) => row.id));
  await upsertAll(
    manager,
    Institution,
    parsed.candidates.filter((candidate) => !knownIds.has(candidate.id)),
  );
}
