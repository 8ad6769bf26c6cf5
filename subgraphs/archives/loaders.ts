import type { PageWindow } from '../kit/connection';
import type { SubgraphContext } from '../kit/context';
import { loaderByKey, loaderManyBy, loaderPageBy } from '../kit/loaders';
import { ClassificationSection } from './entities/classification-section.entity';
import { ClassificationSeries } from './entities/classification-series.entity';
import { ClassificationSubseries } from './entities/classification-subseries.entity';
import { ArchivalRecord, isDisclosed } from './entities/record.entity';
import { RecordSubject, type RecordSubjectKind } from './entities/record-subject.entity';

export const sectionByCode = (ctx: SubgraphContext) => loaderByKey(ctx, ClassificationSection, 'code');
export const seriesByCode = (ctx: SubgraphContext) => loaderByKey(ctx, ClassificationSeries, 'code');
export const subseriesOfSeries = (ctx: SubgraphContext) => loaderManyBy(ctx, ClassificationSubseries, 'seriesCode', 'code');
export const seriesPageOfSection = (ctx: SubgraphContext, window: PageWindow) =>
  loaderPageBy(ctx, ClassificationSeries, 'sectionCode', window, 'code');

export const recordById = (ctx: SubgraphContext) => loaderByKey(ctx, ArchivalRecord);
export const subjectsOfRecord = (ctx: SubgraphContext) => loaderManyBy(ctx, RecordSubject, 'recordId');
export const subjectsBySubjectId = (ctx: SubgraphContext) => loaderManyBy(ctx, RecordSubject, 'subjectId', 'recordId');
export const recordPageOfInstitution = (ctx: SubgraphContext, window: PageWindow) =>
  loaderPageBy(ctx, ArchivalRecord, 'institutionId', window);
export const recordPageOfSeries = (ctx: SubgraphContext, window: PageWindow) => loaderPageBy(ctx, ArchivalRecord, 'seriesCode', window);

/**
 * The PUBLIC records that document one subject, in id order: a hidden record's subjects are not disclosed, so it is not
 * reachable from them. For a whole level of subjects this costs two statements: the links by subject id, then the
 * records by id (both loaders batch across the level).
 */
export async function recordsDocumenting(ctx: SubgraphContext, kind: RecordSubjectKind, subjectId: string): Promise<ArchivalRecord[]> {
  const links = await subjectsBySubjectId(ctx).load(subjectId);
  const recordIds = [...new Set(links.filter((link) => link.kind === kind).map((link) => link.recordId))].sort();
  const records = await recordById(ctx).loadMany(recordIds);
  return records.filter((record): record is ArchivalRecord => record !== null && !(record instanceof Error) && isDisclosed(record));
}
