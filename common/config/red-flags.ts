import { z } from 'zod';
import { type Env, readSettings, wholeNumber } from './env';

/**
 * The thresholds of the procurement red flags (docs/red-flags.md). The defaults are the minimum periods of Mexico's
 * Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público (LAASSP): art. 32 (open tenders: 20 calendar days
 * when international, 15 when national) and art. 43 fr. IV (invitations to at least three: 5 calendar days from the
 * last invitation); and the 30-day window of the issue that defined the repeated-direct-award flag.
 */
export const redFlagsModel = z
  .object({
    RED_FLAG_INTERNATIONAL_TENDER_DAYS: wholeNumber(20, 1, 365),
    RED_FLAG_NATIONAL_TENDER_DAYS: wholeNumber(15, 1, 365),
    RED_FLAG_INVITATION_DAYS: wholeNumber(5, 1, 365),
    RED_FLAG_REPEAT_WINDOW_DAYS: wholeNumber(30, 1, 3_650),
  })
  .transform((env) => ({
    internationalTenderDays: env.RED_FLAG_INTERNATIONAL_TENDER_DAYS,
    nationalTenderDays: env.RED_FLAG_NATIONAL_TENDER_DAYS,
    invitationDays: env.RED_FLAG_INVITATION_DAYS,
    repeatWindowDays: env.RED_FLAG_REPEAT_WINDOW_DAYS,
  }));

export type RedFlagThresholds = z.output<typeof redFlagsModel>;

/** The thresholds from the environment, failing with every problem listed (as every configuration does). */
export function readRedFlagThresholds(env: Env = process.env): RedFlagThresholds {
  return readSettings({ redFlags: redFlagsModel }, env).redFlags;
}

export const DEFAULT_RED_FLAG_THRESHOLDS: RedFlagThresholds = readRedFlagThresholds({});
