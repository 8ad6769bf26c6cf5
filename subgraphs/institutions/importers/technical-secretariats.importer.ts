import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { duplicateIdProblems, type ImportProblem } from '../../kit/import/problems';
import { readCsvCollecting } from '../../kit/import/csv-file';
import { RowReader } from '../../kit/import/row-reader';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { stateByName, type StateCode } from '../../kit/states';
import { SecretariatSector, TechnicalSecretariat, type SecretariatMember } from '../entities/technical-secretariat.entity';
import { executiveId, guarantorId } from '../../kit/ids';
import type { Parsed } from './shared/institution-fields';

const LOCAL_OGP_DATASET = 'inai-pal-local';
const STATE = 'estado';
const INSTALLED = 'fecha_instalacion_stl';
const CIVIL_SOCIETY_LABEL = 'Civil-society representatives (not named in the source)';

export interface ParsedSecretariats extends Parsed {
  secretariats: TechnicalSecretariat[];
}

/**
 * The programme defines the secretariat as tripartite; the source names none of its people, so the seats
 * point at the state's executive and transparency body, and civil society stays unnamed.
 */
function tripartiteMembers(state: StateCode): SecretariatMember[] {
  return [
    { sector: SecretariatSector.GOVERNMENT, label: `Government of ${state.name}`, institutionId: executiveId(state.id) },
    { sector: SecretariatSector.GUARANTOR_BODY, label: `Transparency body of ${state.name}`, institutionId: guarantorId(state.id) },
    { sector: SecretariatSector.CIVIL_SOCIETY, label: CIVIL_SOCIETY_LABEL, institutionId: null },
  ];
}

/** ejercicios_locales.csv: one row per state in the programme; those with an installation date have a secretariat. */
export function parseSecretariats(file: string, displayName = path.basename(file)): ParsedSecretariats {
  const problems: ImportProblem[] = [];
  const rows = readCsvCollecting(file, [STATE, INSTALLED], problems, displayName);
  const secretariats: TechnicalSecretariat[] = [];
  for (const row of rows) {
    const read = new RowReader(displayName, row, problems);
    const name = read.text(STATE);
    const installedOn = read.optionalDate(INSTALLED);
    const state = name ? stateByName(name) : undefined;
    if (name && !state)
      problems.push({ file: displayName, row: row.line, field: STATE, value: name, reason: 'is not the name of a Mexican state' });
    if (!state || installedOn === null) continue;
    const secretariat = new TechnicalSecretariat();
    secretariat.stateId = state.id;
    secretariat.installedOn = installedOn;
    secretariat.members = tripartiteMembers(state);
    secretariat.source = sourceAt(LOCAL_OGP_DATASET, displayName, { row: row.line });
    secretariats.push(secretariat);
  }
  problems.push(
    ...duplicateIdProblems(
      displayName,
      secretariats,
      (s) => s.stateId,
      (s) => s.source.row ?? undefined,
    ),
  );
  return { secretariats, problems };
}

export async function writeSecretariats(manager: EntityManager, parsed: ParsedSecretariats): Promise<void> {
  await upsertAll(manager, TechnicalSecretariat, parsed.secretariats, ['stateId']);
}
