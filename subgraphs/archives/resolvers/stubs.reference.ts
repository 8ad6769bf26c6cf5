/** `_entities` for the entities archives extends: it adds fields to any id, the owning subgraph decides existence. */
export function resolveStub(reference: Record<string, unknown>): { id: string } {
  return { id: String(reference.id) };
}
