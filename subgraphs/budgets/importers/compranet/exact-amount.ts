import { readMoney, type Money } from '../../../kit/money';

const AMOUNT = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Reads a published amount exactly, or says why it cannot. The rule: digits with an optional "-" and an optional "."
 * followed by decimals; "," only as a thousands separator between groups of three digits ("1,234,567.89"); up to four
 * decimals, more only when the extra ones are zeros ("12.50000"). An amount with a non-zero fifth decimal is finer than
 * storage keeps (ten-thousandths of a peso) and is refused rather than rounded, as is one beyond the storage range.
 */
export function exactAmount(text: string): Money | string {
  const match = AMOUNT.exec(text.trim());
  if (!match) return 'is not an amount (digits, optional "-", "." before the decimals, "," only between groups of three digits)';
  const [, minus, units, fraction] = match;
  return readMoney(`${minus}${units.replace(/,/g, '')}${fraction === undefined ? '' : `.${fraction}`}`);
}
