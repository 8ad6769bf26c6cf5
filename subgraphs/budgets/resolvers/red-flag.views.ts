import type { RedFlagThresholds } from '../../../common/config/red-flags';
import type { Contract } from '../entities/contract.entity';
import { RED_FLAG_CODES, type RedFlagCheck, RedFlagCode, type RedFlagCoverage, RedFlagStatus } from '../entities/red-flag.object';
import { STORED_RED_FLAG_CODES, storedStatus } from '../entities/red-flag.columns';
import { RED_FLAGS, type RedFlagFigures } from '../entities/red-flag.methodology';
import { awardDayOf, storedFigures } from '../importers/shared/red-flags.rules';
import type { OtherAward } from '../queries/direct-awards.query';

/** How many other contracts a raised REPEATED_DIRECT_AWARD names in its figures (the count names them all). */
const LISTED_OTHERS = 10;

/**
 * REPEATED_DIRECT_AWARD's figures: the award's day and, when raised, the other awards of the same buying unit to the
 * same supplier within the window, nearest first.
 */
function repeatFigures(contract: Contract, status: RedFlagStatus, others: OtherAward[], windowDays: number): RedFlagFigures {
  if (status !== RedFlagStatus.RAISED && status !== RedFlagStatus.NOT_RAISED) return {};
  const awardedOn = awardDayOf(contract);
  if (status === RedFlagStatus.NOT_RAISED || others.length === 0) return { awardedOn };
  const nearest = new Map<string, number>();
  for (const { other, days } of others) nearest.set(other, Math.min(days, nearest.get(other) ?? days));
  const listed = [...nearest.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return {
    awardedOn,
    otherCount: listed.length,
    closestDays: listed[0][1],
    windowDays,
    otherContracts: listed
      .slice(0, LISTED_OTHERS)
      .map(([other]) => other)
      .join(' '),
  };
}

/**
 * Every flag of one contract, in code order, from its row (a null flag column is UNKNOWN, with no figures) and, for a
 * raised REPEATED_DIRECT_AWARD, the other awards that raise it.
 */
export function checksOf(contract: Contract, others: OtherAward[], thresholds: RedFlagThresholds): RedFlagCheck[] {
  return RED_FLAG_CODES.map((code) => {
    const status = storedStatus(contract, code);
    const text = RED_FLAGS[code];
    const figures =
      code === RedFlagCode.REPEATED_DIRECT_AWARD
        ? repeatFigures(contract, status, others, thresholds.repeatWindowDays)
        : storedFigures(contract, code, status);
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

/** Counts by code and status of the checks stored on the given contracts (e.g. those charged to a program). */
export function countChecks(contracts: Contract[]): StatusCounts {
  const counts: StatusCounts = {};
  for (const contract of contracts) {
    for (const code of STORED_RED_FLAG_CODES) {
      const status = storedStatus(contract, code);
      if (status !== RedFlagStatus.UNKNOWN) addCount(counts, code, status, 1);
    }
  }
  return counts;
}
