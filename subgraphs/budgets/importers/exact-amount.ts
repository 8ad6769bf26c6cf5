import { parseCentavos, type Centavos } from '../../kit/money';

const AMOUNT = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Reads a published amount into exact centavos, or says why it cannot. The rule: digits with an optional "-" and an
 * optional "." followed by decimals; "," only as a thousands separator between groups of three digits
 * ("1,234,567.89"); decimals beyond the second only when they are zeros ("12.500"). An amount with a non-zero third
 * decimal ("3899945.4192") is not a whole number of centavos and is refused rather than rounded.
 */
export function exactCentavos(text: string): Centavos | string {
  const match = AMOUNT.exec(text.trim());
  if (!match) return 'is not an amount (digits, optional "-", "." before the decimals, "," only between groups of three digits)';
  const [, minus, units, fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(2))) {
    return `has ${fraction.length} decimals: it is not a whole number of centavos, and rounding would not be exact`;
  }
  const cents = fraction.slice(0, 2);
  const parsed = parseCentavos(`${minus}${units.replace(/,/g, '')}${cents ? `.${cents}` : ''}`);
  if (parsed === null) return 'is not an amount';
  return parsed;
}
