/** Institution ids as docs/federation-contract.md fixes them; other subgraphs mint the same strings. */

export function ramoId(ramo: string): string {
  return `MX-RAMO-${ramo}`;
}

/** The OCDS `MX-CPA` code of a responsible unit: ramo (2 digits) + SHCP unit code, e.g. `12M7F`. */
export function unitId(cpaCode: string): string {
  return `MX-CPA-${cpaCode}`;
}

export function executiveId(stateId: string): string {
  return `MX-GOB-${stateId}`;
}

export function guarantorId(stateId: string): string {
  return `MX-OG-${stateId}`;
}
