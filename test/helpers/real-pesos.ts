import fs from 'node:fs';
import path from 'node:path';
import { CENTAVO } from '../../subgraphs/kit/money';

/** The shipped INPC file's twelve months summed per year, in exact millionths (the file publishes six decimals). */
export function inpcYearSums(): Map<number, bigint> {
  const sums = new Map<number, bigint>();
  const lines = fs.readFileSync(path.resolve(__dirname, '../../data/economy/IPC.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [date, value] = line.trim().split(',');
    const [units, fraction = ''] = value.split('.');
    const year = Number(date.slice(0, 4));
    sums.set(year, (sums.get(year) ?? 0n) + BigInt(`${units}${fraction.padEnd(6, '0')}`));
  }
  return sums;
}

/**
 * Σ nominal × INPC(base) / INPC(year) over the parts, exactly, rounded once to the centavo (half away from zero): what
 * the API must serve for real pesos, computed here independently of its code.
 */
export function expectedReal(parts: { amount: bigint; year: number }[], base: number, sums = inpcYearSums()): bigint {
  let numerator = 0n;
  let denominator = 1n;
  for (const { amount, year } of parts) {
    const [n, d] = [amount * sums.get(base)!, sums.get(year)!];
    [numerator, denominator] = [numerator * d + n * denominator, denominator * d];
  }
  const scaled = denominator * CENTAVO;
  const magnitude = (2n * (numerator < 0n ? -numerator : numerator) + scaled) / (2n * scaled);
  return (numerator < 0n ? -magnitude : magnitude) * CENTAVO;
}
