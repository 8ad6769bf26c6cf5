import type { PageWindow } from '../kit/connection';
import type { SubgraphContext } from '../kit/context';
import { loaderByKey, loaderManyBy, loaderPageBy } from '../kit/loaders';
import { ClassificationSection } from './entities/classification-section.entity';
import { ClassificationSeries } from './entities/classification-series.entity';
import { ClassificationSubseries } from './entities/classification-subseries.entity';
import { ArchivalRecord, isDisclosed } from './entities/record.entity';
import { RecordSubject, RecordSubjectKind } from './entities/record-subject.entity';
import { Documentation, type Payment } from './entities/documentation.object';
import type { SpendingFlag } from '../kit/spending';
import { publiclyDocumentedSubjects, subjectKey } from './queries/documentation.query';

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

/**
 * Whether a PUBLIC record documents a subject, keyed `<kind>|<id>` (`subjectKey`): every payment and contract a level
 * of commitments, programs and contracts asks about costs one statement together.
 */
export const publiclyDocumented = (ctx: SubgraphContext) =>
  ctx.loaders.get('RecordSubject.publiclyDocumented', async (keys: readonly string[]) => {
    const ids = keys.map((key) => key.slice(key.indexOf('|') + 1));
    const documented = await publiclyDocumentedSubjects(ctx.dataSource, ids);
    return keys.map((key) => documented.has(key));
  });

/**
 * The documentation coverage of a set of payments: each payment is documented when a PUBLIC record documents it or its
 * contract. All the payments of a level go through one loader batch, hence one statement.
 */
export async function documentationOf(
  ctx: SubgraphContext,
  payments: readonly Payment[],
  chainFlags: readonly SpendingFlag[] = [],
): Promise<Documentation> {
  const loader = publiclyDocumented(ctx);
  const documented = await Promise.all(
    payments.map(async (payment) => {
      const [itself, contract] = await Promise.all([
        loader.load(subjectKey(RecordSubjectKind.TRANSACTION, payment.id)),
        loader.load(subjectKey(RecordSubjectKind.CONTRACT, payment.contractId)),
      ]);
      return itself || contract;
    }),
  );
  const documentedIds = new Set(payments.filter((_, i) => documented[i]).map((payment) => payment.id));
  return Documentation.of(payments, (payment) => documentedIds.has(payment.id), chainFlags);
}
