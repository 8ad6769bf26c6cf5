import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ValueTransformer } from 'typeorm';

/**
 * Money travels as integer ten-thousandths of a peso (bigint) everywhere inside the project and as a decimal string
 * at the edges, so that no amount ever passes through floating point. Four decimals because CompraNet and Jalisco's
 * OCDS publish some amounts with three or four (`1095187.984`): a whole number of centavos would drop them.
 *
 * Storage is a signed 64-bit integer column, so one amount holds at most ±(2⁶³ − 1) ten-thousandths, exactly
 * ±922,337,203,685,477.5807 pesos (9.2 × 10¹⁴, some seventy times Mexico's yearly federal budget); an amount beyond
 * that is refused at import, never stored approximately. The range is symmetric although the column also holds
 * −2⁶³: the documented bound holds either way, and every amount's negation is an amount. Sums are exact beyond that
 * bound (see money-sum.ts).
 */
export type Money = bigint;

/** Decimals an amount may carry: ten-thousandths of a peso. */
export const MONEY_DECIMALS = 4;
const SCALE = 10n ** BigInt(MONEY_DECIMALS);
/** One peso and one centavo in storage units. */
export const PESO: Money = SCALE;
export const CENTAVO: Money = SCALE / 100n;
/** The largest amount a 64-bit integer column holds; the smallest amount is its negative. */
export const MONEY_MAX: Money = 2n ** 63n - 1n;
const MONEY_MIN: Money = -MONEY_MAX;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal ("1234.5", "-0.07", "1095187.984") into money, or says why it cannot: not a decimal, more
 * decimals than storage keeps (rounding would not be exact), or beyond the 64-bit range of the columns.
 */
export function readMoney(text: string): Money | string {
  const match = DECIMAL.exec(text.trim());
  if (!match) return 'is not an amount (digits, optional "-", "." before at most four decimals)';
  const [, minus, units, fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(MONEY_DECIMALS))) {
    return `has ${fraction.length} decimals: amounts are kept exactly to ten-thousandths of a peso (four decimals), and rounding would not be exact`;
  }
  const magnitude = BigInt(`${units}${fraction.slice(0, MONEY_DECIMALS).padEnd(MONEY_DECIMALS, '0')}`);
  const value = minus ? -magnitude : magnitude;
  return outOfRange(value) ?? value;
}

/** Why an exact amount cannot be stored, or null when it is within the documented range of a money column. */
export function outOfRange(value: Money): string | null {
  if (value <= MONEY_MAX && value >= MONEY_MIN) return null;
  return `is out of range: amounts are stored as 64-bit integers of ten-thousandths of a peso, from ${formatMoney(MONEY_MIN)} to ${formatMoney(MONEY_MAX)}`;
}

/** Like readMoney, with null for anything that is not an exact amount storage holds. */
export function parseMoney(text: string): Money | null {
  const value = readMoney(text);
  return typeof value === 'bigint' ? value : null;
}

/**
 * The exact decimal text: two decimals at least ("12228718.00"), more only when the amount has them, up to four,
 * without trailing zeros beyond the second ("1095187.984", never "1095187.9840").
 */
export function formatMoney(value: Money): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  // Four digits less up to two trailing zeros: "9840" → "984", "5000" → "50", "0001" stays.
  const fraction = (absolute % SCALE)
    .toString()
    .padStart(MONEY_DECIMALS, '0')
    .replace(/0{1,2}$/, '');
  return `${negative ? '-' : ''}${absolute / SCALE}.${fraction}`;
}

/**
 * Turns whatever a driver hands back for a bigint column or a SUM (a JS number from SQLite, a string from
 * PostgreSQL) into money, refusing numbers that have already lost precision.
 */
export function toMoney(raw: unknown): Money | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) throw new Error(`A money amount arrived as an inexact number (${raw})`);
    return BigInt(raw);
  }
  if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return BigInt(raw);
  throw new Error(`Not a money amount: ${String(raw)}`);
}

/**
 * TypeORM transformer for bigint money columns. Writing refuses an amount outside the column's range: SQLite would
 * otherwise store it as a floating-point REAL, silently inexact.
 */
export const moneyColumn: ValueTransformer = {
  to: (value: Money | null | undefined) => {
    if (value === null || value === undefined) return value;
    if (outOfRange(value)) throw new RangeError(`Amount ${formatMoney(value)} does not fit a 64-bit money column`);
    return value.toString();
  },
  from: (raw: unknown) => toMoney(raw),
};

function serializeMoney(value: unknown): string {
  if (typeof value === 'bigint') return formatMoney(value);
  throw new GraphQLError(`Money must be resolved as ten-thousandths of a peso (bigint), got ${typeof value}`);
}

function parseMoneyInput(value: unknown): Money {
  const parsed = typeof value === 'string' ? readMoney(value) : 'is not a string';
  if (typeof parsed === 'string') {
    throw new GraphQLError(`Money must be a decimal string with at most four decimals, e.g. "1500.00": the value ${parsed}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed;
}

export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description:
    'An exact amount of Mexican pesos (MXN) as a decimal string: two decimals ("12228718.00"), or three or four when ' +
    'the amount has them, trailing zeros beyond the second dropped ("1095187.984", "0.0001"). Stored as integer ' +
    'ten-thousandths of a peso and summed exactly in SQL, so totals equal the source files to the last published ' +
    'decimal. One stored amount is at most ±922337203685477.5807 pesos (a signed 64-bit integer); sums are exact beyond that.',
  serialize: serializeMoney,
  parseValue: parseMoneyInput,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Money literals are strings, e.g. "1500.00"', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parseMoneyInput(ast.value);
  },
});
