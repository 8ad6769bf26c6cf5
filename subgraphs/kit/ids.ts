/**
 * The ids of docs/federation-contract.md. Subgraphs meet only through these keys, so every subgraph, tool and test
 * that mints an id of an entity, its own or another's, builds it here (states: kit/states.ts).
 */
import { stateShortCode, type StateCode } from './states';

/** A budget branch (*ramo*), two digits, e.g. `MX-RAMO-33`. */
export function ramoId(ramo: string): string {
  return `MX-RAMO-${ramo}`;
}

export function isRamoId(id: string): boolean {
  return id.startsWith('MX-RAMO-');
}

/** The OCDS `MX-CPA` code of a responsible unit: ramo (2 digits) + SHCP unit code, e.g. `12M7F`. */
export function unitId(cpaCode: string): string {
  return `MX-CPA-${cpaCode}`;
}

/** A federal responsible unit (*unidad responsable*) from its ramo (2 digits) and unit code. */
export function responsibleUnitId(ramo: string, unit: string): string {
  return unitId(`${ramo}${unit}`);
}

export function executiveId(stateId: string): string {
  return `MX-GOB-${stateId}`;
}

export function guarantorId(stateId: string): string {
  return `MX-OG-${stateId}`;
}

/** A local action plan (*plan de acción local*) by its state and the year it was published, e.g. `MX-TLA-PAL-2016`. */
export function actionPlanId(state: StateCode, publishedOn: string): string {
  return `MX-${stateShortCode(state)}-PAL-${publishedOn.slice(0, 4)}`;
}

/** A numbered commitment of a local plan, e.g. `MX-TLA-PAL-2016-03`. */
export function commitmentId(actionPlanId: string, number: number): string {
  return `${actionPlanId}-${String(number).padStart(2, '0')}`;
}

/** A proactive commitment (*compromiso proactivo*), numbered in file order, e.g. `MX-TLA-PAL-2016-P1`. */
export function proactiveCommitmentId(actionPlanId: string, ordinal: number): string {
  return `${actionPlanId}-P${ordinal}`;
}

/** An OGP action plan by member code and plan number, e.g. `OGP-MXJL-2`. */
export function ogpActionPlanId(memberCode: string, number: number): string {
  return `OGP-${memberCode}-${number}`;
}

/** A commitment of the OGP dataset by the dataset's own id, e.g. `OGP-JAL0008`. */
export function ogpCommitmentId(ogpId: string): string {
  return `OGP-${ogpId}`;
}

/** A program key: ramo (2 digits), modality, program number (3 digits), e.g. `33I005`. */
export function programKey(ramo: string, modality: string, program: string): string {
  return `${ramo.padStart(2, '0')}${modality}${program.padStart(3, '0')}`;
}

/** A budget program (*programa presupuestario*) in one fiscal year, e.g. `2018:33I005`. */
export function budgetProgramId(fiscalYear: number | string, key: string): string {
  return `${fiscalYear}:${key}`;
}
