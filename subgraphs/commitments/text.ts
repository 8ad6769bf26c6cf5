/** Lower case without accents: "Educación" and "EDUCACION" compare equal on every database. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** A `LIKE … ESCAPE '\'` pattern matching `text` anywhere, with the user's `%` and `_` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
