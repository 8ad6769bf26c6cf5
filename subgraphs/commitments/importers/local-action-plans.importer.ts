import type { EntityManager } from 'typeorm';
import { rejectIfProblems } from '../../kit/import/problems';
import { upsertAll } from '../../kit/import/bulk-write';
import { ActionPlan } from '../entities/action-plan.entity';
import { Commitment } from '../entities/commitment.entity';
import { parseActionPlans } from './local-action-plans/action-plans.importer';
import { applyDetails, parseCommitmentDetails, type DetailFiles } from './local-action-plans/commitment-details.importer';
import { parseCommitments } from './local-action-plans/commitments.importer';

export interface LocalActionPlanFiles extends DetailFiles {
  plans: string;
  commitments: string;
}

export interface ParsedLocalActionPlans {
  plans: ActionPlan[];
  commitments: Commitment[];
}

/**
 * Plans, their commitments and the illustrative details depend on each other (a commitment needs its
 * plan, a detail its commitment), so they are checked in that order: a file with problems stops the
 * import before the next is checked, so a broken row is reported once, not again as every later file's
 * dangling reference.
 */
export function parseLocalActionPlans(files: LocalActionPlanFiles): ParsedLocalActionPlans {
  const { plans, problems: planProblems } = parseActionPlans(files.plans);
  rejectIfProblems(planProblems);
  const { commitments, problems: commitmentProblems } = parseCommitments(files.commitments, plans);
  rejectIfProblems(commitmentProblems);
  const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
  const { details, problems: detailProblems } = parseCommitmentDetails(files, new Set(byId.keys()));
  rejectIfProblems(detailProblems);
  for (const detail of details) applyDetails(byId.get(detail.commitmentId)!, detail);
  return { plans, commitments };
}

/** Writes parsed plans and commitments inside the caller's transaction (idempotent upserts by id). */
export async function writeLocalActionPlans(manager: EntityManager, parsed: ParsedLocalActionPlans): Promise<void> {
  await upsertAll(manager, ActionPlan, parsed.plans);
  await upsertAll(manager, Commitment, parsed.commitments);
}
