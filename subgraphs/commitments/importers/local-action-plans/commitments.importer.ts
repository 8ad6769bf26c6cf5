import { duplicateIdProblems, type ImportProblem } from '../../../kit/import/problems';
import { readCsv, requireColumns } from '../../../kit/import/csv-file';
import { RowReader } from '../../../kit/import/row-reader';
import { sourceAt } from '../../../kit/provenance';
import { actionPlanId, commitmentId, proactiveCommitmentId } from '../../../kit/ids';
import type { ActionPlan } from '../../entities/action-plan.entity';
import { Commitment, commitmentWithoutDetails } from '../../entities/commitment.entity';
import { CommitmentKind } from '../../entities/commitment.enums';
import { foldText } from '../../text';
import { PAL_DATASET, PLANS_FILE } from './action-plans.importer';
import { requiredDate, stateOf } from './fields';

export const COMMITMENTS_FILE = 'ogp-local/pal_compromisos.csv';

const COLUMNS = ['estado', 'compromiso', 'tipo', 'titulo', 'fecha_publicacion_pal'];
const PROACTIVE = 'proactivo';

export interface ParsedCommitments {
  commitments: Commitment[];
  problems: ImportProblem[];
}

/**
 * The commitments of the published plans. Each row names its plan by state and publication date, which
 * must match a plan of ejercicios_locales.csv; proactive rows are numbered P1, P2… in file order.
 */
export function parseCommitments(path: string, plans: ActionPlan[]): ParsedCommitments {
  const rows = readCsv(path, COMMITMENTS_FILE);
  requireColumns(COMMITMENTS_FILE, rows, COLUMNS);
  const plansById = new Map(plans.map((plan) => [plan.id, plan]));
  const proactiveSoFar = new Map<string, number>();
  const problems: ImportProblem[] = [];
  const commitments: Commitment[] = [];
  for (const row of rows) {
    const reader = new RowReader(COMMITMENTS_FILE, row, problems);
    const problem = (field: string, reason: string) =>
      problems.push({ file: COMMITMENTS_FILE, row: row.line, field, value: row.values[field], reason });
    const state = stateOf(COMMITMENTS_FILE, row, 'estado', problems);
    const publishedOn = requiredDate(reader, 'fecha_publicacion_pal');
    const title = reader.text('titulo');
    const numberText = reader.text('compromiso');
    const type = reader.text('tipo');

    const proactive = numberText.toLowerCase() === PROACTIVE;
    const number = /^\d+$/.test(numberText) && Number(numberText) > 0 ? Number(numberText) : null;
    if (numberText !== '' && !proactive && number === null) problem('compromiso', `is neither a positive number nor "${PROACTIVE}"`);
    const expectedType = proactive ? PROACTIVE : 'PAL';
    if (type !== '' && type.toLowerCase() !== expectedType.toLowerCase())
      problem('tipo', `should be "${expectedType}" for compromiso "${numberText}"`);
    if (!state || publishedOn === '' || (!proactive && number === null)) continue;

    const planId = actionPlanId(state, publishedOn);
    if (plansById.get(planId)?.publishedOn !== publishedOn) {
      problem('fecha_publicacion_pal', `no plan of ${state.name} published on this date in ${PLANS_FILE}`);
      continue;
    }
    const commitment = commitmentWithoutDetails();
    if (proactive) {
      const ordinal = (proactiveSoFar.get(planId) ?? 0) + 1;
      proactiveSoFar.set(planId, ordinal);
      commitment.id = proactiveCommitmentId(planId, ordinal);
    } else {
      commitment.id = commitmentId(planId, number!);
    }
    commitment.actionPlanId = planId;
    commitment.stateId = state.id;
    commitment.number = number;
    commitment.kind = proactive ? CommitmentKind.PROACTIVE : CommitmentKind.ACTION_PLAN;
    commitment.title = title;
    commitment.titleFolded = foldText(title);
    commitment.source = sourceAt(PAL_DATASET, COMMITMENTS_FILE, { row: row.line });
    commitments.push(commitment);
  }
  problems.push(
    ...duplicateIdProblems(
      COMMITMENTS_FILE,
      commitments,
      (c) => c.id,
      (c) => c.source.row ?? undefined,
    ),
  );
  return { commitments, problems };
}
