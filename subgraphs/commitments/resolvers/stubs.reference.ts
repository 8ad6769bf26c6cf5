/** `State` and `Institution` belong to the institutions subgraph: any id is answered, the owner decides existence. */
export function resolveKeyReference(reference: Record<string, unknown>): { id: string } {
  return { id: String(reference.id) };
}
