import path from 'node:path';
import type { FormatSpec } from '../../kit/import/format';
import { allOrNothing, bySource, CSV_WITH_HEADER } from '../../kit/import/format-helpers';
import { generatedDataset, relabel } from '../../kit/import/generated';
import { namedSet, sameNames } from '../../kit/import/inputs';
import { RecordSubject } from '../entities/record-subject.entity';
import { ArchivalRecord } from '../entities/record.entity';
import { oneFolder } from './shared/one-folder';
import { DOCUMENTS_FILE, loadedSeriesRetention, parseRecords, RECORDS_FILE, SUBJECTS_FILE, writeRecords } from './records.importer';

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
    const series = await loadedSeriesRetention(await context.manager());
    const parsed = parseRecords(path.dirname(files[0].absolute), series);
    const generated = generatedDataset(files[0].absolute);
    if (generated !== null) relabel([...parsed.records, ...parsed.subjects], generated);
    return allOrNothing(
      parsed.problems,
      [bySource(ArchivalRecord, 'records', parsed.records), bySource(RecordSubject, 'record subjects', parsed.subjects)],
      (manager) => writeRecords(manager, parsed),
    );
  },
};
