import type { Identity } from '../auth/identity';
import { forbidden } from '../auth/request-identity';
import { Role } from '../entities/participation.enums';
import type { ProgressUpdate } from '../entities/progress-update.entity';

type Holder = Identity & { kind: 'holder' };

/**
 * Progress is the secretariat's word: a member proposes for its own state's commitments (an admin for any);
 * moderators keep reports in order but do not report progress.
 */
export function checkMayPropose(identity: Holder, stateId: string | null): void {
  if (identity.role === Role.ADMIN) return;
  if (identity.role !== Role.SECRETARIAT_MEMBER) throw forbidden("Only a member of the state's technical secretariat reports progress.");
  if (stateId === null) throw forbidden('This commitment belongs to no state in its id: only an admin may report its progress.');
  if (identity.stateId !== stateId) throw forbidden("Secretariat members report progress on their own state's commitments only.");
}

/** Confirmation crosses sectors: a member of another sector of the same state, never the proposer. */
export function checkMayConfirm(identity: Holder, update: ProgressUpdate): void {
  if (update.proposer.subject === identity.subject) throw forbidden('The proposer cannot confirm their own update.');
  if (identity.role === Role.ADMIN) return;
  if (identity.role !== Role.SECRETARIAT_MEMBER) throw forbidden("Only a member of the state's technical secretariat confirms progress.");
  if (identity.stateId !== update.stateId) throw forbidden("Secretariat members confirm progress on their own state's commitments only.");
  if (update.proposer.sector !== null && identity.sector === update.proposer.sector) {
    throw forbidden(`A member of another sector than ${update.proposer.sector} must confirm it.`);
  }
}
