import path from 'node:path';
import { In, type EntityManager } from 'typeorm';
import { duplicateIdProblems, type ImportProblem } from '../../kit/import/problems';
import { isIsoDate, RowReader } from '../../kit/import/row-reader';
import { readCsvCollecting, type CsvRow } from '../../kit/import/csv-file';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { ClassificationSeries } from '../entities/classification-series.entity';
import { ArchivalRecord, RecordAccess, RecordDocumentKind, type RecordDocument } from '../entities/record.entity';
import { RecordSubject, RecordSubjectKind, recordSubjectRowId } from '../entities/record-subject.entity';
import type { RetentionPeriod } from '../entities/retention-period.object';
import { retentionDates } from '../retention';
import { mapped } from './shared/lookup';

export const RECORDS_DATASET = 'illustrative';
export const RECORDS_FILE = 'records.csv';
export const DOCUMENTS_FILE = 'record_documents.csv';
export const SUBJECTS_FILE = 'record_subjects.csv';

const ACCESS = enumTable(RecordAccess);
const DOCUMENT_KINDS = enumTable(RecordDocumentKind);
const SUBJECT_KINDS = enumTable(RecordSubjectKind);

function enumTable<T extends string>(values: Record<string, T>): Map<string, T> {
  return new Map(Object.values(values).map((value) => [value.toLowerCase(), value]));
}

/** The retention of every series a record may be filed in, by series code. */
export type SeriesRetention = ReadonlyMap<string, Pick<RetentionPeriod, 'activeYears' | 'semiActiveYears'>>;

export interface ParsedRecords {
  records: ArchivalRecord[];
  subjects: RecordSubject[];
  problems: ImportProblem[];
}

/**
 * Reads records (*expedientes*), their documents and their subjects from `directory`, checking each
 * record's series against `series`; writes nothing.
 */
export function parseRecords(directory: string, series: SeriesRetention): ParsedRecords {
  const problems: ImportProblem[] = [];
  const recordRows = readCsvCollecting(
    path.join(directory, RECORDS_FILE),
    ['institution_id', 'code', 'title', 'series_code', 'opened_on', 'closed_on', 'access', 'reserved_until', 'legal_basis'],
    problems,
  );
  const documentRows = readCsvCollecting(path.join(directory, DOCUMENTS_FILE), ['record_id', 'title', 'kind', 'date'], problems);
  const subjectRows = readCsvCollecting(path.join(directory, SUBJECTS_FILE), ['record_id', 'kind', 'subject_id'], problems);

  const records = recordRows.map((row) => parseRecord(row, series, problems));
  problems.push(
    ...duplicateIdProblems(
      RECORDS_FILE,
      records,
      (r) => r.id,
      (r) => r.source.row ?? undefined,
    ),
  );
  const recordsById = new Map(records.map((record) => [record.id, record]));

  for (const row of documentRows) {
    const record = knownRecord(DOCUMENTS_FILE, row, recordsById, problems);
    const document = parseDocument(row, problems);
    record?.documents.push(document);
  }

  const subjects = subjectRows.map((row) => {
    knownRecord(SUBJECTS_FILE, row, recordsById, problems);
    return parseSubject(row, problems);
  });
  problems.push(
    ...duplicateIdProblems(
      SUBJECTS_FILE,
      subjects,
      (s) => s.id,
      (s) => s.source.row ?? undefined,
    ),
  );
  return { records, subjects, problems };
}

function problemAt(problems: ImportProblem[], file: string, row: CsvRow, field: string) {
  return (reason: string) => problems.push({ file, row: row.line, field, value: row.values[field], reason });
}

function parseRecord(row: CsvRow, series: SeriesRetention, problems: ImportProblem[]): ArchivalRecord {
  const read = new RowReader(RECORDS_FILE, row, problems);
  const at = (field: string) => problemAt(problems, RECORDS_FILE, row, field);
  const record = new ArchivalRecord();
  record.institutionId = read.text('institution_id');
  record.code = read.text('code');
  record.id = `${record.institutionId}/${record.code}`;
  record.title = read.text('title');
  record.seriesCode = read.text('series_code');
  const retention = series.get(record.seriesCode);
  if (record.seriesCode && !retention) at('series_code')('is not a series of the loaded disposition catalogue (CADIDO)');
  record.openedOn = read.text('opened_on');
  if (record.openedOn && !isIsoDate(record.openedOn)) at('opened_on')('is not a date (YYYY-MM-DD)');
  record.closedOn = read.optionalDate('closed_on');
  if (record.closedOn && isIsoDate(record.closedOn) && isIsoDate(record.openedOn) && record.closedOn < record.openedOn) {
    at('closed_on')('is before opened_on');
  }
  record.access = mapped(read.text('access'), ACCESS, at('access')) ?? RecordAccess.CONFIDENTIAL;
  record.reservedUntil = read.optionalDate('reserved_until');
  record.legalBasis = read.optionalText('legal_basis');
  checkClassification(record, at);
  const dates = retention ? retentionDates(record.closedOn, retention) : { transferDueOn: null, dispositionDueOn: null };
  record.transferDueOn = dates.transferDueOn;
  record.dispositionDueOn = dates.dispositionDueOn;
  record.documents = [];
  record.source = sourceAt(RECORDS_DATASET, RECORDS_FILE, { row: row.line });
  return record;
}

/** LGTAIP: a reservation has a term and a legal basis; confidentiality has a basis and no term; public has neither. */
function checkClassification(record: ArchivalRecord, at: (field: string) => (reason: string) => void): void {
  if (record.access === RecordAccess.RESERVED) {
    if (!record.reservedUntil) at('reserved_until')("is required for a RESERVED record (the reservation's term)");
    if (!record.legalBasis) at('legal_basis')('is required for a RESERVED record');
  } else if (record.access === RecordAccess.CONFIDENTIAL) {
    if (record.reservedUntil) at('reserved_until')('must be empty: confidential information has no term (Art. 116 LGTAIP)');
    if (!record.legalBasis) at('legal_basis')('is required for a CONFIDENTIAL record');
  } else {
    if (record.reservedUntil) at('reserved_until')('must be empty for a PUBLIC record');
    if (record.legalBasis) at('legal_basis')('must be empty for a PUBLIC record');
  }
}

function knownRecord(file: string, row: CsvRow, records: ReadonlyMap<string, ArchivalRecord>, problems: ImportProblem[]) {
  const id = row.values.record_id ?? '';
  const record = records.get(id);
  if (!record) problemAt(problems, file, row, 'record_id')(`is not the id (<institution_id>/<code>) of a record in ${RECORDS_FILE}`);
  return record;
}

function parseDocument(row: CsvRow, problems: ImportProblem[]): RecordDocument {
  const read = new RowReader(DOCUMENTS_FILE, row, problems);
  return {
    title: read.text('title'),
    kind: mapped(read.text('kind'), DOCUMENT_KINDS, problemAt(problems, DOCUMENTS_FILE, row, 'kind')) ?? RecordDocumentKind.MEMO,
    date: read.optionalDate('date'),
  };
}

function parseSubject(row: CsvRow, problems: ImportProblem[]): RecordSubject {
  const read = new RowReader(SUBJECTS_FILE, row, problems);
  const subject = new RecordSubject();
  subject.recordId = read.text('record_id');
  subject.kind = mapped(read.text('kind'), SUBJECT_KINDS, problemAt(problems, SUBJECTS_FILE, row, 'kind')) ?? RecordSubjectKind.COMMITMENT;
  subject.subjectId = read.text('subject_id');
  subject.id = recordSubjectRowId(subject.recordId, subject.kind, subject.subjectId);
  subject.source = sourceAt(RECORDS_DATASET, SUBJECTS_FILE, { row: row.line });
  return subject;
}

/** Writes parsed records inside the caller's transaction; a record's subjects are replaced, not merged. */
export async function writeRecords(manager: EntityManager, parsed: ParsedRecords): Promise<void> {
  await upsertAll(manager, ArchivalRecord, parsed.records);
  const ids = parsed.records.map((record) => record.id);
  for (let start = 0; start < ids.length; start += 500) {
    await manager.delete(RecordSubject, { recordId: In(ids.slice(start, start + 500)) });
  }
  await upsertAll(manager, RecordSubject, parsed.subjects);
}

/** The retention of the series already in the database, for loading records on their own. */
export async function loadedSeriesRetention(manager: EntityManager): Promise<SeriesRetention> {
  const series = await manager.find(ClassificationSeries);
  return new Map(series.map((s) => [s.code, s.retention]));
}
