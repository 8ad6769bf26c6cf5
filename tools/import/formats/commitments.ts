import path from 'node:path';
import { ActionPlan } from '../../../subgraphs/commitments/entities/action-plan.entity';
import { Commitment, DETAILS_FILE, EVALUATIONS_FILE, MILESTONES_FILE } from '../../../subgraphs/commitments/entities/commitment.entity';
import { OgpActionPlan } from '../../../subgraphs/commitments/entities/ogp-action-plan.entity';
import { PLANS_FILE } from '../../../subgraphs/commitments/importers/action-plans.importer';
import { COMMITMENTS_FILE } from '../../../subgraphs/commitments/importers/commitments.importer';
import { parseLocalActionPlans, writeLocalActionPlans } from '../../../subgraphs/commitments/importers/local-action-plans.importer';
import { parseOgpCommitments, writeOgpCommitments } from '../../../subgraphs/commitments/importers/ogp-commitments.importer';
import type { ImportProblem } from '../../../subgraphs/kit/import/importing';
import { namedSet, oneFile } from '../../../subgraphs/kit/import/inputs';
import type { FormatSpec } from '../../../subgraphs/kit/import/format';
import { allOrNothing, bySource, caught, CSV_WITH_HEADER, derived, unreadable } from '../../../subgraphs/kit/import/format-helpers';

export const ogpCommitments: FormatSpec = {
  name: 'ogp-commitments',
  subgraph: 'commitments',
  summary: 'OGP commitments with IRM assessments (g0v extract, 171-column CSV) → commitments, OGP action plans',
  arguments: '<file.csv>',
  help: [
    "Reads one file of the Open Government Partnership's commitments with the IRM's assessments (one commitment a line, its action plan repeated on every line). Dataset id: ogp-irm-commitments; provenance names the file ogp/<file name>.",
    'All or nothing: one rejected line and nothing is written.',
  ],
  example: 'npm run import -- ogp-commitments data/ogp/open_parliament_0703.csv',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => oneFile(paths, cwd, (file) => `ogp/${path.basename(file)}`),
  async parse([file]) {
    const problems: ImportProblem[] = [];
    const parsed = caught(problems, () => parseOgpCommitments(file.absolute, file.displayName));
    if (parsed === null) return unreadable(problems);
    return allOrNothing(
      parsed.problems,
      [bySource(Commitment, 'commitments', parsed.commitments), derived(OgpActionPlan, 'OGP action plans', parsed.actionPlans)],
      (manager) => writeOgpCommitments(manager, parsed),
    );
  },
};

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
