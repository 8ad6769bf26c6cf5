import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, bySource, caught, CSV_WITH_HEADER, unreadable } from '../../kit/import/format-helpers';
import type { ImportProblem } from '../../kit/import/problems';
import { namedSet } from '../../kit/import/inputs';
import { ActionPlan } from '../entities/action-plan.entity';
import { Commitment } from '../entities/commitment.entity';
import { DETAILS_FILE, EVALUATIONS_FILE, MILESTONES_FILE } from '../entities/illustrative.dataset';
import { PLANS_FILE } from './local-action-plans/action-plans.importer';
import { COMMITMENTS_FILE } from './local-action-plans/commitments.importer';
import { parseLocalActionPlans, writeLocalActionPlans } from './local-action-plans.importer';

/** The five files by the names they are published and shipped under, with the names provenance gives them. */
const LOCAL_FILES: Record<string, string> = {
  'ejercicios_locales.csv': PLANS_FILE,
  'pal_compromisos.csv': COMMITMENTS_FILE,
  'commitment-details.csv': DETAILS_FILE,
  'commitment-milestones.csv': MILESTONES_FILE,
  'commitment-evaluations.csv': EVALUATIONS_FILE,
};

export const localActionPlans: FormatSpec = {
  name: 'local-action-plans',
  subgraph: 'commitments',
  summary: 'INAI local action plans (Cocreación desde lo Local) + illustrative details → action plans, commitments',
  arguments: '<folder | file.csv>…  (the five files, found by name)',
  help: [
    "Reads the five files of the local action plans together, each found by its name in the folders or among the files given: INAI's ejercicios_locales.csv (plans) and pal_compromisos.csv (commitments), and the detail layer commitment-details.csv, commitment-milestones.csv and commitment-evaluations.csv (themes, stage, responsible institution, milestones, evaluations).",
    'All five are required: a commitment is written whole, so loading the INAI files without the details would blank the details already stored. Dataset ids: inai-pal-local for the INAI files, illustrative for the details.',
    'All or nothing, checked in dependency order: the first file with problems stops the check (its problems are all reported), since later files would only repeat them as dangling references.',
  ],
  example: 'npm run import -- local-action-plans data/ogp-local data/illustrative',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => namedSet(paths, cwd, LOCAL_FILES),
  async parse(files) {
    const at = (displayName: string) => files.find((file) => file.displayName === displayName)!.absolute;
    const problems: ImportProblem[] = [];
    const parsed = caught(problems, () =>
      parseLocalActionPlans({
        plans: at(PLANS_FILE),
        commitments: at(COMMITMENTS_FILE),
        details: at(DETAILS_FILE),
        milestones: at(MILESTONES_FILE),
        evaluations: at(EVALUATIONS_FILE),
      }),
    );
    if (parsed === null) return unreadable(problems);
    return allOrNothing(
      [],
      [bySource(ActionPlan, 'action plans', parsed.plans), bySource(Commitment, 'commitments', parsed.commitments)],
      (manager) => writeLocalActionPlans(manager, parsed),
    );
  },
};
