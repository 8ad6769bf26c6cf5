/** Looks a source value up in a table of accepted spellings, recording a problem when it is not there. */
export function mapped<T>(value: string, table: ReadonlyMap<string, T>, problem: (reason: string) => void): T | null {
  const found = table.get(value.trim().normalize('NFC').toLowerCase());
  if (found === undefined) {
    problem(`is not one of ${[...table.keys()].map((key) => `"${key}"`).join(', ')}`);
    return null;
  }
  return found;
}
