import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ClassificationSeries, FinalDisposition } from '../entities/classification-series.entity';
import { ArchivalRecord, RecordAccess, RecordPhase } from '../entities/record.entity';
import { RecordSubject } from '../entities/record-subject.entity';
import type { RecordFilter } from '../resolvers/record.input';

/**
 * The phase rules of retention.ts `phaseOn`, as SQL over the stored due dates (ISO strings compare in
 * date order), so a phase filter narrows the query itself and keyset pagination stays exact.
 */
function wherePhase(query: SelectQueryBuilder<ArchivalRecord>, phase: RecordPhase, today: string): void {
  query.setParameter('today', today);
  switch (phase) {
    case RecordPhase.ACTIVE:
      query.andWhere('(record.transferDueOn IS NULL OR record.transferDueOn > :today)');
      return;
    case RecordPhase.SEMI_ACTIVE:
      query.andWhere('record.transferDueOn <= :today AND record.dispositionDueOn > :today');
      return;
    case RecordPhase.HISTORICAL:
    case RecordPhase.DISPOSED:
      query
        .innerJoin(ClassificationSeries, 'series', 'series.code = record.seriesCode')
        .andWhere('record.dispositionDueOn <= :today')
        .andWhere(phase === RecordPhase.DISPOSED ? 'series.finalDisposition = :destroy' : 'series.finalDisposition <> :destroy', {
          destroy: FinalDisposition.DESTROY,
        });
  }
}

export function recordsQuery(dataSource: DataSource, filter: RecordFilter, today: string): SelectQueryBuilder<ArchivalRecord> {
  const query = dataSource.getRepository(ArchivalRecord).createQueryBuilder('record');
  if (filter.institutionId) query.andWhere('record.institutionId = :institutionId', { institutionId: filter.institutionId });
  if (filter.seriesCode) query.andWhere('record.seriesCode = :seriesCode', { seriesCode: filter.seriesCode });
  if (filter.access) query.andWhere('record.access = :access', { access: filter.access });
  if (filter.subjectId) {
    // A hidden record's subjects are not disclosed, so matching one must not reveal it either.
    query.andWhere('record.access = :disclosed', { disclosed: RecordAccess.PUBLIC });
    query.andWhere((outer) => {
      const linked = outer
        .subQuery()
        .select('subject.recordId')
        .from(RecordSubject, 'subject')
        .where('subject.subjectId = :subjectId', { subjectId: filter.subjectId })
        .getQuery();
      return `record.id IN ${linked}`;
    });
  }
  if (filter.phase) wherePhase(query, filter.phase, today);
  return query;
}
