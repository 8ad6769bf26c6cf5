import path from 'node:path';
import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, bySource, caught, CSV_WITH_HEADER, derived, unreadable } from '../../kit/import/format-helpers';
import type { ImportProblem } from '../../kit/import/problems';
import { oneFile } from '../../kit/import/inputs';
import { Commitment } from '../entities/commitment.entity';
import { OgpActionPlan } from '../entities/ogp-action-plan.entity';
import { parseOgpCommitments, writeOgpCommitments } from './ogp-commitments.importer';

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
