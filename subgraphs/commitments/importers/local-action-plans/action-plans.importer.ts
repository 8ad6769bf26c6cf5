import { duplicateIdProblems, type ImportProblem } from '../../../kit/import/problems';
import { readCsv, requireColumns } from '../../../kit/import/csv-file';
import { RowReader } from '../../../kit/import/row-reader';
import { sourceAt } from '../../../kit/provenance';
import { actionPlanId } from '../../../kit/ids';
import { ActionPlan, ActionPlanStatus } from '../../entities/action-plan.entity';
import { foldText } from '../../text';
import { requiredDate, stateOf } from './fields';

export const PAL_DATASET = 'inai-pal-local';
export const PLANS_FILE = 'ogp-local/ejercicios_locales.csv';

const COLUMNS = ['estado', 'fecha_declaracion_conjunta', 'fecha_instalacion_stl', 'fecha_publicacion_pal', 'n_compromisos', 'estatus_2019'];

/**
 * INAI describes each exercise's status in a sentence; these phrases decide the condensed status. The
 * order matters: "cierre del primer plan … inicio … del segundo plan" is still a plan being closed.
 */
const STATUS_PHRASES: [RegExp, ActionPlanStatus][] = [
  [/\bcierre\b/, ActionPlanStatus.CLOSING],
  [/\bimplementacion\b/, ActionPlanStatus.IMPLEMENTATION],
  [/\bsegundo plan\b/, ActionPlanStatus.NEXT_PLAN_IN_PREPARATION],
  [/\b(preparatorias|construccion del plan)\b/, ActionPlanStatus.IN_PREPARATION],
];

export function statusFromText(text: string): ActionPlanStatus | null {
  const folded = foldText(text);
  return STATUS_PHRASES.find(([phrase]) => phrase.test(folded))?.[1] ?? null;
}

export interface ParsedActionPlans {
  plans: ActionPlan[];
  problems: ImportProblem[];
}

/** One action plan per state that published one; a state still preparing its plan has none. */
export function parseActionPlans(path: string): ParsedActionPlans {
  const rows = readCsv(path, PLANS_FILE);
  requireColumns(PLANS_FILE, rows, COLUMNS);
  const problems: ImportProblem[] = [];
  const plans: ActionPlan[] = [];
  for (const row of rows) {
    const reader = new RowReader(PLANS_FILE, row, problems);
    const state = stateOf(PLANS_FILE, row, 'estado', problems);
    const declarationSignedOn = requiredDate(reader, 'fecha_declaracion_conjunta');
    const secretariatInstalledOn = reader.optionalDate('fecha_instalacion_stl');
    const publishedOn = reader.optionalDate('fecha_publicacion_pal');
    const commitmentCount = reader.integer('n_compromisos');
    const statusNote = reader.text('estatus_2019');
    const status = statusFromText(statusNote);
    if (statusNote !== '' && status === null) {
      problems.push({
        file: PLANS_FILE,
        row: row.line,
        field: 'estatus_2019',
        value: statusNote,
        reason: 'is a status text this importer does not know',
      });
    }
    if (!state || publishedOn === null || status === null) continue;

    const plan = new ActionPlan();
    plan.id = actionPlanId(state, publishedOn);
    plan.stateId = state.id;
    plan.title = `Plan de Acción Local de Gobierno Abierto — ${state.name}`;
    plan.declarationSignedOn = declarationSignedOn;
    plan.secretariatInstalledOn = secretariatInstalledOn;
    plan.publishedOn = publishedOn;
    // The shipped file has no period; a richer export with these columns fills it.
    plan.periodStart = reader.optionalDate('inicio_periodo');
    plan.periodEnd = reader.optionalDate('fin_periodo');
    plan.status = status;
    plan.statusNote = statusNote;
    plan.commitmentCount = commitmentCount;
    plan.source = sourceAt(PAL_DATASET, PLANS_FILE, { row: row.line });
    plans.push(plan);
  }
  problems.push(
    ...duplicateIdProblems(
      PLANS_FILE,
      plans,
      (plan) => plan.id,
      (plan) => plan.source.row ?? undefined,
    ),
  );
  return { plans, problems };
}
