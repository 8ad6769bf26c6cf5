import type { RedFlagThresholds } from '../../../common/config/red-flags';
import type { ContractRedFlag } from '../entities/contract-red-flag.entity';
import { RED_FLAG_CODES, type RedFlagCheck, type RedFlagCode, type RedFlagCoverage, RedFlagStatus } from '../entities/red-flag';
import { RED_FLAGS } from '../entities/red-flag.methodology';

/** Every flag of one contract, in code order: a flag without a stored check is UNKNOWN, with no figures. */
export function checksOf(stored: ContractRedFlag[], thresholds: RedFlagThresholds): RedFlagCheck[] {
  const byCode = new Map(stored.map((row) => [row.code, row]));
  return RED_FLAG_CODES.map((code) => {
    const row = byCode.get(code);
    const status = row?.status ?? RedFlagStatus.UNKNOWN;
    const text = RED_FLAGS[code];
    const figures = row?.figures ?? {};
    return {
      code,
      status,
      raised: status === RedFlagStatus.RAISED ? true : status === RedFlagStatus.NOT_RAISED ? false : null,
      labelEs: text.labelEs,
      labelEn: text.labelEn,
      reasonEs: status === RedFlagStatus.RAISED ? text.reasonEs(figures) : null,
      figures: Object.entries(figures).map(([name, value]) => ({ name, value: value === null ? null : String(value) })),
      methodology: text.methodology(thresholds),
    };
  });
}

export type StatusCounts = Partial<Record<RedFlagCode, Partial<Record<RedFlagStatus, number>>>>;

const thousands = (value: number) => value.toLocaleString('en-US');

/** The coverage of every flag among `contracts` contracts, from the count of their stored checks by code and status. */
export function coverageOf(contracts: number, counts: StatusCounts, thresholds: RedFlagThresholds): RedFlagCoverage[] {
  return RED_FLAG_CODES.map((code) => {
    const of = counts[code] ?? {};
    const raised = of.RAISED ?? 0;
    const checked = raised + (of.NOT_RAISED ?? 0);
    const notApplicable = of.NOT_APPLICABLE ?? 0;
    const text = RED_FLAGS[code];
    return {
      code,
      labelEs: text.labelEs,
      labelEn: text.labelEn,
      contracts,
      checked,
      raised,
      notApplicable,
      unknown: contracts - checked - notApplicable,
      share: checked === 0 ? null : raised / checked,
      summaryEs:
        `${thousands(checked)} de ${thousands(contracts)} contratos pudieron revisarse` +
        (checked === 0 ? '.' : `; ${thousands(raised)} muestran la señal.`),
      methodology: text.methodology(thresholds),
    };
  });
}

/** Adds `count` checks of one code and status to the counts. */
export function addCount(counts: StatusCounts, code: RedFlagCode, status: RedFlagStatus, count: number): void {
  const of = counts[code] ?? {};
  counts[code] = of;
  of[status] = (of[status] ?? 0) + count;
}

/** Counts by code and status of the given checks (a contract's checks, or those of the contracts charged to a program). */
export function countChecks(rows: ContractRedFlag[]): StatusCounts {
  const counts: StatusCounts = {};
  for (const row of rows) addCount(counts, row.code, row.status, 1);
  return counts;
}
