import type { Identity } from '../auth/identity';
import { forbidden, isModerator } from '../auth/request-identity';
import { ReportStatus, Role } from '../entities/participation.enums';
import type { Report } from '../entities/report.entity';
import { badUserInput } from '../../../common/errors';

/** Where a report may go from where it is: forward only, and a closed report stays closed. */
const NEXT: Record<ReportStatus, readonly ReportStatus[]> = {
  [ReportStatus.OPEN]: [ReportStatus.ACKNOWLEDGED, ReportStatus.RESOLVED, ReportStatus.REJECTED, ReportStatus.DUPLICATE],
  [ReportStatus.ACKNOWLEDGED]: [ReportStatus.RESOLVED, ReportStatus.REJECTED, ReportStatus.DUPLICATE],
  [ReportStatus.RESOLVED]: [],
  [ReportStatus.REJECTED]: [],
  [ReportStatus.DUPLICATE]: [],
};

export const CLOSED = new Set([ReportStatus.RESOLVED, ReportStatus.REJECTED, ReportStatus.DUPLICATE]);

export function checkTransition(from: ReportStatus, to: ReportStatus): void {
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from].length ? `it can go to ${NEXT[from].join(', ')}` : 'it is closed';
    throw badUserInput(`A report that is ${from} cannot become ${to}: ${allowed}.`, 'status');
  }
}

/**
 * Moderators and admins answer any report; a secretariat member answers reports on items of its own state, which an
 * item's id names (a federal program, a contract: none, so moderators answer those).
 */
export function checkMayAnswer(identity: Identity & { kind: 'holder' }, report: Report): void {
  if (isModerator(identity)) return;
  if (identity.role !== Role.SECRETARIAT_MEMBER) throw forbidden('Your role cannot answer reports.');
  if (report.stateId === null) throw forbidden('This item belongs to no state: moderators answer its reports.');
  if (report.stateId !== identity.stateId) throw forbidden("Secretariat members answer reports on their own state's items only.");
}
