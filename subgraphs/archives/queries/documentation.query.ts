import type { DataSource } from 'typeorm';
import { ArchivalRecord, RecordAccess } from '../entities/record.entity';
import { RecordSubject, type RecordSubjectKind } from '../entities/record-subject.entity';

/** A subject as `<kind>|<id>`, the key of the documented-subject loader. */
export const subjectKey = (kind: RecordSubjectKind, id: string): string => `${kind}|${id}`;

/**
 * Which of these subjects at least one PUBLIC record documents, in one statement: the links by subject id joined to
 * their records' access. A RESERVED or CONFIDENTIAL record's subjects are not disclosed by any route, so it documents
 * nothing here either. Answers `<kind>|<id>` keys.
 */
export async function publiclyDocumentedSubjects(dataSource: DataSource, subjectIds: readonly string[]): Promise<Set<string>> {
  if (subjectIds.length === 0) return new Set();
  const rows: { kind: RecordSubjectKind; subjectId: string }[] = await dataSource
    .getRepository(RecordSubject)
    .createQueryBuilder('subject')
    .select('subject.kind', 'kind')
    .addSelect('subject.subjectId', 'subjectId')
    .distinct(true)
    .innerJoin(ArchivalRecord, 'record', 'record.id = subject.recordId')
    .where('record.access = :disclosed', { disclosed: RecordAccess.PUBLIC })
    .andWhere('subject.subjectId IN (:...subjectIds)', { subjectIds: [...new Set(subjectIds)] })
    .getRawMany();
  return new Set(rows.map((row) => subjectKey(row.kind, row.subjectId)));
}
