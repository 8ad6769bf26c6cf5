/** Source files spell the same name with double or non-breaking spaces; one spelling keeps names stable. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Accent- and case-free form used by `nameContains`, identical on SQLite and PostgreSQL. */
export function searchForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
