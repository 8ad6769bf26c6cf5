import { isIsoDate } from '../../../kit/import/row-reader';

/**
 * Start and end dates are free text in the IRM dataset: "8/22/2019", "31/12/2016", "August 2014",
 * "Ongoing". Numeric ones are month-first for most plans and day-first for some (Ukraine, Bulgaria…), but
 * always the same within one plan, so a plan's own dates decide: one with a first part above 12 proves
 * day-first, one with a second part above 12 proves month-first. Only numeric dates become ISO dates;
 * one that the plan's dates leave ambiguous ("1/6/2014" in a plan with no proof) becomes no date.
 */
export type DateOrder = 'MONTH_FIRST' | 'DAY_FIRST';

const NUMERIC_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

export function dateOrderOf(texts: string[]): DateOrder | null {
  const proven = new Set<DateOrder>();
  for (const text of texts) {
    const match = NUMERIC_DATE.exec(text);
    if (!match) continue;
    if (Number(match[1]) > 12) proven.add('DAY_FIRST');
    else if (Number(match[2]) > 12) proven.add('MONTH_FIRST');
  }
  return proven.size === 1 ? [...proven][0] : null;
}

export function isoDateOf(text: string, order: DateOrder | null): string | null {
  const match = NUMERIC_DATE.exec(text);
  if (!match) return null;
  const [first, second, year] = [Number(match[1]), Number(match[2]), match[3]];
  if (order === null && first !== second) return null;
  const [month, day] = order === 'DAY_FIRST' ? [second, first] : [first, second];
  const iso = `${year.length === 2 ? `20${year}` : year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
