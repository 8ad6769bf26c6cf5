import type { Random } from './random';

/** Powers of ten as literals: Math.pow may differ in the last bit between engines, and the output must not. */
const POWERS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/**
 * An amount in centavos whose peso part has from `minDigits` to `maxDigits` digits, each length equally likely:
 * public budgets span many orders of magnitude, so lengths, not values, are drawn uniformly. At most nine peso
 * digits keep every figure, and every product below, a safe integer.
 */
export function amountCentavos(random: Random, minDigits: number, maxDigits: number): number {
  const digits = random.int(minDigits, maxDigits);
  const pesos = random.int(POWERS[digits - 1], POWERS[digits] - 1);
  return pesos * 100 + random.int(0, 99);
}

/** `centavos` scaled by a factor drawn from `minBasisPoints`/10 000 to `maxBasisPoints`/10 000, rounded down. */
export function scaled(random: Random, centavos: number, minBasisPoints: number, maxBasisPoints: number): number {
  return Math.floor((centavos * random.int(minBasisPoints, maxBasisPoints)) / 10_000);
}

/** "12345.07": two decimals always, as the OFDP files write amounts. */
export function formatAmount(centavos: number): string {
  return `${Math.floor(centavos / 100)}.${String(centavos % 100).padStart(2, '0')}`;
}

/** The moments of one budget line, in centavos. */
export interface LineAmounts {
  approved: number;
  modified: number;
  accrued: number;
  exercised: number;
  paid: number;
}

/**
 * Approved ≥ 0; modified moves it by −50 %…+50 % (a line created in-year has approved 0, one cancelled has
 * modified 0); then modified ≥ accrued ≥ exercised ≥ paid ≥ 0, as a spending chain only narrows.
 */
export function lineAmounts(random: Random): LineAmounts {
  const createdInYear = random.percent(4);
  const approved = createdInYear ? 0 : amountCentavos(random, 4, 9);
  const modified = random.percent(3) ? 0 : createdInYear ? amountCentavos(random, 3, 7) : scaled(random, approved, 5_000, 15_000);
  const accrued = scaled(random, modified, 6_000, 10_000);
  const exercised = scaled(random, accrued, 9_000, 10_000);
  const paid = scaled(random, exercised, 9_000, 10_000);
  return { approved, modified, accrued, exercised, paid };
}
