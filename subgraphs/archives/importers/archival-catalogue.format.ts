import path from 'node:path';
import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER } from '../../kit/import/format-helpers';
import { namedSet, sameNames } from '../../kit/import/inputs';
import { ClassificationSection } from '../entities/classification-section.entity';
import { ClassificationSeries } from '../entities/classification-series.entity';
import { ClassificationSubseries } from '../entities/classification-subseries.entity';
import { parseCatalogue, SECTIONS_FILE, SERIES_FILE, SUBSERIES_FILE, writeCatalogue } from './archival-catalogue.importer';
import { oneFolder } from './shared/one-folder';

export const archivalCatalogue: FormatSpec = {
  name: 'archival-catalogue',
  subgraph: 'archives',
  summary: 'Classification chart and disposition catalogue (CGCA sections, CADIDO series and subseries CSVs)',
  arguments: '<folder>',
  help: [
    `Reads ${SECTIONS_FILE}, ${SERIES_FILE} and ${SUBSERIES_FILE} from one folder (or the three files, in one folder). Dataset id: sre-cadido.`,
    "Records already stored get their transfer and disposition dates recalculated when a series' retention changes.",
    'All or nothing: one rejected row in any of the three files and nothing is written.',
  ],
  example: 'npm run import -- archival-catalogue data/archives',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => oneFolder(namedSet(paths, cwd, sameNames(SECTIONS_FILE, SERIES_FILE, SUBSERIES_FILE))),
  async parse(files) {
    const parsed = parseCatalogue(path.dirname(files[0].absolute));
    return allOrNothing(
      parsed.problems,
      [
        bySource(ClassificationSection, 'sections', parsed.sections),
        bySource(ClassificationSeries, 'series', parsed.series),
        bySource(ClassificationSubseries, 'subseries', parsed.subseries),
      ],
      (manager) => writeCatalogue(manager, parsed),
    );
  },
};
