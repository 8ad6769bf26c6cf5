import path from 'node:path';
import { ClassificationSection } from '../../../subgraphs/archives/entities/classification-section.entity';
import { ClassificationSeries } from '../../../subgraphs/archives/entities/classification-series.entity';
import { ClassificationSubseries } from '../../../subgraphs/archives/entities/classification-subseries.entity';
import { RecordSubject } from '../../../subgraphs/archives/entities/record-subject.entity';
import { ArchivalRecord } from '../../../subgraphs/archives/entities/record.entity';
import {
  parseCatalogue,
  SECTIONS_FILE,
  SERIES_FILE,
  SUBSERIES_FILE,
  writeCatalogue,
} from '../../../subgraphs/archives/importers/catalogue.importer';
import {
  DOCUMENTS_FILE,
  loadedSeriesRetention,
  parseRecords,
  RECORDS_FILE,
  SUBJECTS_FILE,
  writeRecords,
} from '../../../subgraphs/archives/importers/records.importer';
import { isGenerated, relabel } from '../../generate/load';
import { namedSet, sameNames } from '../../../subgraphs/kit/import/inputs';
import type { FormatSpec, ResolvedInputs } from '../../../subgraphs/kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER } from '../../../subgraphs/kit/import/format-helpers';

/** The importers read a fixed set of file names from one folder. */
function oneFolder(resolved: ResolvedInputs): ResolvedInputs {
  if ('usage' in resolved) return resolved;
  const folders = new Set(resolved.files.map((file) => path.dirname(file.absolute)));
  return folders.size === 1 ? resolved : { usage: `the files must be in one folder (found in ${[...folders].join(', ')})` };
}

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

export const records: FormatSpec = {
  name: 'records',
  subgraph: 'archives',
  summary: 'Archival records (expedientes) with their documents and subjects (three CSVs)',
  arguments: '<folder>',
  help: [
    `Reads ${RECORDS_FILE}, ${DOCUMENTS_FILE} and ${SUBJECTS_FILE} from one folder (or the three files, in one folder). Each record is checked against the disposition catalogue already stored in the archives database (import archival-catalogue first); its retention dates follow from its series.`,
    "The shipped records are the ILLUSTRATIVE layer (dataset id illustrative); those of npm run generate are labelled synthetic. A record's subjects are replaced, not merged.",
    'All or nothing: one rejected row in any of the three files and nothing is written.',
  ],
  example: 'npm run import -- records data/illustrative',
  shape: CSV_WITH_HEADER,
  independentFiles: false,
  skipRejected: false,
  resolve: (paths, cwd) => oneFolder(namedSet(paths, cwd, sameNames(RECORDS_FILE, DOCUMENTS_FILE, SUBJECTS_FILE))),
  async parse(files, context) {
    const series = await loadedSeriesRetention((await context.dataSource()).manager);
    const parsed = parseRecords(path.dirname(files[0].absolute), series);
    if (isGenerated(files[0].absolute)) relabel([...parsed.records, ...parsed.subjects]);
    return allOrNothing(
      parsed.problems,
      [bySource(ArchivalRecord, 'records', parsed.records), bySource(RecordSubject, 'record subjects', parsed.subjects)],
      (manager) => writeRecords(manager, parsed),
    );
  },
};
