/**
 * Signs with which a spreadsheet starts a formula, or hides one after leading blanks: OWASP's CSV-injection list (`=`
 * `+` `-` `@`, tab, carriage return, and the full-width `＝` `＋` `－` `＠` that some spreadsheets read as their ASCII
 * forms), with NUL, which ASVS adds. The one rule for every CSV this project writes: exports and rejects files.
 */
const FORMULA_START = /^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/u;
/** A plain number, which a spreadsheet reads as a number even with a sign: "-12.50", "+3", "-1,234.5", "1e5". */
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) made inert by a leading
 * apostrophe, the mark spreadsheets read as "text follows" (the OWASP advice on CSV injection). Numbers stay as
 * they are: "-12.50" is a negative amount, not a formula.
 */
export function formulaSafe(cell: string): string {
  if (!FORMULA_START.test(cell)) return cell;
  if (/\d/.test(cell) && NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV line of cells for a spreadsheet: every text cell formula-safe, CRLF-terminated. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => csvField(formulaSafe(cell))).join(',')}\r\n`;
}
