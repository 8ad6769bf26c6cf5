import type { Contract } from './contract.entity';
import { RED_FLAG_CODES, RedFlagCode, RedFlagStatus, type StoredRedFlagStatus } from './red-flag.object';

type FlagColumn = 'shortSubmissionFlag' | 'singleBidderFlag' | 'startedBeforeSignedFlag' | 'amendedFlag' | 'repeatedDirectAwardFlag';

/** The contract column holding each computed flag; LATE_PUBLICATION is never computed and has none (always UNKNOWN). */
export const RED_FLAG_COLUMNS: Partial<Record<RedFlagCode, FlagColumn>> = {
  [RedFlagCode.SHORT_SUBMISSION_PERIOD]: 'shortSubmissionFlag',
  [RedFlagCode.SINGLE_BIDDER]: 'singleBidderFlag',
  [RedFlagCode.STARTED_BEFORE_SIGNED]: 'startedBeforeSignedFlag',
  [RedFlagCode.AMENDED]: 'amendedFlag',
  [RedFlagCode.REPEATED_DIRECT_AWARD]: 'repeatedDirectAwardFlag',
};

/** The flags that have a column, in code order. */
export const STORED_RED_FLAG_CODES = RED_FLAG_CODES.filter((code) => RED_FLAG_COLUMNS[code] !== undefined);

/** The statuses a flag column holds (null is UNKNOWN). */
export const STORED_RED_FLAG_STATUSES: StoredRedFlagStatus[] = [
  RedFlagStatus.RAISED,
  RedFlagStatus.NOT_RAISED,
  RedFlagStatus.NOT_APPLICABLE,
];

/** What one contract row says of one flag. */
export function storedStatus(contract: Contract, code: RedFlagCode): RedFlagStatus {
  const column = RED_FLAG_COLUMNS[code];
  return (column === undefined ? null : contract[column]) ?? RedFlagStatus.UNKNOWN;
}
