import type { EntityManager } from 'typeorm';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { STATES, type StateCode } from '../../kit/states';
import { GovernmentOrder, Institution, InstitutionKind } from '../entities/institution.entity';
import { State } from '../entities/state.entity';
import { executiveId } from '../../kit/ids';
import { newInstitution, type Parsed } from './shared/institution-fields';

const STATES_DATASET = 'inegi-states';
const STATES_FILE = 'subgraphs/kit/states.ts';

export interface ParsedStates extends Parsed {
  states: State[];
  executives: Institution[];
}

/** Mexico City has no "Estado": its executive is the *Jefatura de Gobierno*, styled as below in its constitution. */
function executiveName(state: StateCode): string {
  return state.id === '09' ? 'Poder Ejecutivo de la Ciudad de México' : `Poder Ejecutivo del Estado de ${state.name}`;
}

/** The 32 states and their executive branches, from the shared INEGI/ISO code list. */
export function parseStates(): ParsedStates {
  const states = STATES.map((code, i) => {
    const state = new State();
    state.id = code.id;
    state.isoCode = code.isoCode;
    state.name = code.name;
    state.source = sourceAt(STATES_DATASET, STATES_FILE, { path: `STATES[${i}]` });
    return state;
  });
  const executives = STATES.map((code, i) =>
    newInstitution({
      id: executiveId(code.id),
      name: executiveName(code),
      kind: InstitutionKind.EXECUTIVE,
      order: GovernmentOrder.STATE,
      stateId: code.id,
      source: sourceAt(STATES_DATASET, STATES_FILE, { path: `STATES[${i}]` }),
    }),
  );
  return { states, executives, problems: [] };
}

export async function writeStates(manager: EntityManager, parsed: ParsedStates): Promise<void> {
  await upsertAll(manager, State, parsed.states);
  await upsertAll(manager, Institution, parsed.executives);
}
