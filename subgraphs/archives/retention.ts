import { FinalDisposition } from './entities/classification-series.entity';
import type { RetentionPeriod } from './entities/retention-period.object';
import { RecordPhase } from './entities/record.entity';

/** Adds whole years to an ISO date; 29 February lands on 28 February in a common year. */
export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export interface RetentionDates {
  transferDueOn: string | null;
  dispositionDueOn: string | null;
}

/** The two dates a closed record's life cycle turns on; an open record has neither yet. */
export function retentionDates(
  closedOn: string | null,
  retention: Pick<RetentionPeriod, 'activeYears' | 'semiActiveYears'>,
): RetentionDates {
  if (closedOn === null) return { transferDueOn: null, dispositionDueOn: null };
  return {
    transferDueOn: addYears(closedOn, retention.activeYears),
    dispositionDueOn: addYears(closedOn, retention.activeYears + retention.semiActiveYears),
  };
}

/**
 * The life-cycle phase on `today`. A record changes phase on the due date itself (closed 2017-07-26 with
 * two active years: SEMI_ACTIVE from 2019-07-26). The SQL filter in queries/record.query.ts states the same rules.
 */
export function phaseOn(today: string, dates: RetentionDates, disposition: FinalDisposition): RecordPhase {
  if (dates.transferDueOn === null || dates.dispositionDueOn === null || today < dates.transferDueOn) return RecordPhase.ACTIVE;
  if (today < dates.dispositionDueOn) return RecordPhase.SEMI_ACTIVE;
  return disposition === FinalDisposition.DESTROY ? RecordPhase.DISPOSED : RecordPhase.HISTORICAL;
}
