import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ValueTransformer } from 'typeorm';

/**
 * Money travels as integer centavos (bigint) everywhere inside the project and as a decimal string at the
 * edges, so that no amount ever passes through floating point: sums through the API equal the source
 * files to the centavo.
 */
export type Centavos = bigint;

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Parses "1234.5", "-0.07", "12228718.00" into centavos; returns null when the text is not an exact amount. */
export function parseCentavos(text: string): Centavos | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, minus, units, fraction = ''] = match;
  const value = BigInt(`${units}${fraction.padEnd(2, '0')}`);
  return minus ? -value : value;
}

export function formatCentavos(value: Centavos): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const units = absolute / 100n;
  const cents = (absolute % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${units}.${cents}`;
}

/**
 * Turns whatever a driver hands back for a bigint column or a SUM (a JS number from SQLite, a string from
 * PostgreSQL) into centavos, refusing numbers that have already lost precision.
 */
export function toCentavos(raw: unknown): Centavos | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) throw new Error(`A centavo amount arrived as an inexact number (${raw})`);
    return BigInt(raw);
  }
  if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return BigInt(raw);
  throw new Error(`Not a centavo amount: ${String(raw)}`);
}

/** TypeORM transformer for bigint centavo columns. */
export const centavosColumn: ValueTransformer = {
  to: (value: Centavos | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (raw: unknown) => toCentavos(raw),
};

function serializeMoney(value: unknown): string {
  if (typeof value === 'bigint') return formatCentavos(value);
  throw new GraphQLError(`Money must be resolved as centavos, got ${typeof value}`);
}

function parseMoneyInput(value: unknown): Centavos {
  const parsed = typeof value === 'string' ? parseCentavos(value) : null;
  if (parsed === null) {
    throw new GraphQLError('Money must be a decimal string with at most two decimals, e.g. "1500.00"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed;
}

export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description:
    'An exact amount of Mexican pesos (MXN) as a decimal string with two decimals, e.g. "12228718.00". ' +
    'Stored as integer centavos and summed in SQL, so totals equal the source files to the centavo.',
  serialize: serializeMoney,
  parseValue: parseMoneyInput,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Money literals are strings, e.g. "1500.00"', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parseMoneyInput(ast.value);
  },
});
