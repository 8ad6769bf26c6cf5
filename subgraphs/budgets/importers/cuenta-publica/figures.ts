import { CENTAVO, formatMoney, type Money } from '../../../kit/money';

/**
 * The figures of the Cuenta Pública files, read exactly. The compilation copies the SHCP's spreadsheet cells, which
 * are binary floating-point numbers, in their shortest decimal form: amounts are whole centavos (`7070446674.8`),
 * percentages carry a double's ~16 digits (`106.60424970659616`), except in 2014, whose spreadsheet rounds them to
 * one decimal (`108.0`). Everything here is integer arithmetic on the decimal text; no figure passes through a float.
 */

/** A decimal as an exact fraction numerator / 10^scale (scale ≥ 0), from "-12.5", "3.8e-06" and the like. */
interface Decimal {
  numerator: bigint;
  scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function decimal(text: string): Decimal | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, minus, units, fraction = '', exponent = '0'] = match;
  const digits = BigInt(units + fraction) * (minus ? -1n : 1n);
  const scale = fraction.length - Number(exponent);
  return scale >= 0 ? { numerator: digits, scale } : { numerator: digits * 10n ** BigInt(-scale), scale: 0 };
}

const abs = (value: bigint) => (value < 0n ? -value : value);

/** Nearest integer to n / d (d > 0), halves away from zero. */
function nearest(n: bigint, d: bigint): bigint {
  const q = (2n * abs(n) + d) / (2n * d);
  return n < 0n ? -q : q;
}

/**
 * An amount, a whole number of centavos. The 2013 spreadsheet stores some totals as the binary result of adding centavo figures
 * (`1100638202.820001`, `5.727633833885193e-08` for a zero): such a figure is read as its nearest centavo when it lies
 * within a tenth of a centavo of it. Noise of that kind is a few units in the last place of a double — at most
 * 0.007 centavos in the 2013 file, whose amounts stay below 10¹² pesos — while anything a tenth of a centavo or more
 * away from a whole centavo is not a centavo figure at all and is refused.
 */
export function parseAmount(text: string): Money | null {
  const value = decimal(text);
  if (!value) return null;
  const unit = 10n ** BigInt(value.scale);
  const hundredths = value.numerator * 100n;
  const centavos = nearest(hundredths, unit);
  return abs(hundredths - centavos * unit) * 10n < unit ? centavos * CENTAVO : null;
}

/** How many decimals a percentage cell publishes; null when the cell is not a number. */
export function decimalsOf(text: string): number | null {
  return decimal(text)?.scale ?? null;
}

interface Fraction {
  n: bigint;
  d: bigint;
}

const fraction = (n: bigint, d: bigint): Fraction => (d < 0n ? { n: -n, d: -d } : { n, d });
const lessOrEqual = (a: Fraction, b: Fraction) => a.n * b.d <= b.n * a.d;
const plus = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const minus = (a: Fraction, b: Fraction): Fraction => plus(a, { n: -b.n, d: b.d });

/**
 * The account writes no ratio it deems not significant — the SHCP's *n.s.*: above 500 %, below 0.05 %, of a zero or
 * negative base (a *Modificado* below zero) — as "n.s." (2013) or 0 (2015–2023).
 */
function notSignificant(exercised: Money, base: Money): boolean {
  if (base === 0n) return true;
  if (exercised < 0n !== base < 0n && exercised !== 0n) return true;
  return abs(100n * exercised) > 500n * abs(base) || abs(100n * exercised) * 20n < abs(base);
}

/** "12.345678 %": a ratio for a message, to six decimals or to the compared value's (at most twelve). */
function percentText(exercised: Money, base: Money, decimals = 6): string {
  const digits = Math.min(Math.max(decimals, 6), 12);
  const unit = 10n ** BigInt(digits);
  const scaled = nearest(100n * unit * exercised, abs(base)) * (base < 0n ? -1n : 1n);
  const sign = scaled < 0n ? '-' : '';
  return `${sign}${abs(scaled) / unit}.${(abs(scaled) % unit).toString().padStart(digits, '0')} %`;
}

/** Four units in the last place of a double (2⁻⁵⁰ relative): the rounding of reading two amounts, a division and a product. */
const DOUBLE = 2n ** 50n;

/**
 * Checks an execution percentage against the block's exercised amount and its base (the approved or modified
 * amount), at the precision the file publishes (`decimals`, the most any of its percentage cells has).
 *
 * The percentage is right when it is 100·E/B for some E and B within a centavo of the published amounts, rounded to
 * the file's decimals (half a unit of the last one) and to a double's precision. A centavo, because each amount is
 * rounded on its own and the SHCP computes the ratio from figures that can differ from it by that much (2015.csv line
 * 2617: the parts of the TOTAL add up to 214,546,437.50, the TOTAL says .51, the percentage is that of .50). An empty
 * cell states nothing; "n.s." and 0 stand for a ratio the account does not publish (see notSignificant).
 */
export function percentageProblem(text: string, exercised: Money, base: Money, baseLabel: string, decimals: number): string | null {
  if (text === '') return null;
  const amounts = `the Ejercicio row (${formatMoney(exercised)}) and the ${baseLabel} row (${formatMoney(base)})`;
  if (text.toLowerCase() === 'n.s.') {
    if (notSignificant(exercised, base)) return null;
    return `contradicts the amounts: "n.s." (not significant) stands for a ratio above 500 % or below 0.05 %, but ${amounts} give ${percentText(exercised, base)}`;
  }
  const value = decimal(text);
  if (!value) return 'is not a percentage (a decimal number or "n.s.")';
  if (value.numerator === 0n && notSignificant(exercised, base)) return null;
  if (base === 0n) return `contradicts the amounts: the ${baseLabel} row, the base of the percentage, is 0`;
  // A base within a centavo of zero fixes no ratio at all.
  if (abs(base) <= CENTAVO) return null;
  const published = fraction(value.numerator, 10n ** BigInt(value.scale));
  const corners = [exercised - CENTAVO, exercised + CENTAVO].flatMap((e) =>
    [base - CENTAVO, base + CENTAVO].map((b) => fraction(100n * e, b)),
  );
  const low = corners.reduce((a, b) => (lessOrEqual(a, b) ? a : b));
  const high = corners.reduce((a, b) => (lessOrEqual(a, b) ? b : a));
  const slack = plus(fraction(1n, 2n * 10n ** BigInt(decimals)), fraction(abs(published.n), published.d * DOUBLE));
  if (lessOrEqual(minus(low, slack), published) && lessOrEqual(published, plus(high, slack))) return null;
  return `contradicts the amounts: ${amounts} give ${percentText(exercised, base, value.scale)}, not ${text} %`;
}

/**
 * Whether a total agrees with the sum of `count` figures it totals, given that the file rounds every figure to the
 * centavo on its own: each is within half a centavo of its exact value, so the rounded total and the sum of the
 * rounded parts can differ by (count + 1) / 2 centavos at most (2015 shows such differences of one and two).
 */
export function agreesWithin(total: Money, sum: Money, count: number): boolean {
  return 2n * abs(total - sum) <= BigInt(count + 1) * CENTAVO;
}
