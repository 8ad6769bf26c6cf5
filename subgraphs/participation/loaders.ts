import { In } from 'typeorm';
import { toPage, type Page, type PageWindow } from '../kit/connection';
import type { SubgraphContext } from '../kit/context';
import { groupInKeyOrder, loaderByKey, loaderManyBy } from '../kit/loaders';
import type { ReportStatus, TargetType } from './entities/enums';
import { ProgressState } from './entities/enums';
import { ProgressUpdate } from './entities/progress-update.entity';
import { ReportAnswer } from './entities/report-answer.entity';
import { Report } from './entities/report.entity';

export const reportByKey = (ctx: SubgraphContext) => loaderByKey(ctx, Report, 'key');
export const answersByReport = (ctx: SubgraphContext) => loaderManyBy(ctx, ReportAnswer, 'reportKey', 'id');
export const progressByCommitment = (ctx: SubgraphContext) => loaderManyBy(ctx, ProgressUpdate, 'commitmentId', 'key');

/** The latest CONFIRMED update of each commitment (by confirmation time, then proposal order). */
export const completionByCommitment = (ctx: SubgraphContext) =>
  ctx.loaders.get('ProgressUpdate.latestConfirmed', async (ids: readonly string[]) => {
    const rows = await ctx.dataSource.getRepository(ProgressUpdate).find({
      where: { commitmentId: In([...ids]), state: ProgressState.CONFIRMED },
      order: { confirmedAt: 'DESC', key: 'DESC' },
    });
    return groupInKeyOrder(ids, rows, (row) => row.commitmentId).map((group) => group[0] ?? null);
  });

/**
 * A page of the public reports of many items at once (one statement per batch): an item's reports are few, so they are
 * read whole, filtered by status and paged here in id order.
 */
export function reportsOfTargets(ctx: SubgraphContext, type: TargetType, window: PageWindow, statuses: ReportStatus[] | null) {
  const name = `Report.ofTarget.${type}.${window.first}.${window.afterKey ?? ''}.${statuses?.join(',') ?? ''}`;
  return ctx.loaders.get(name, async (ids: readonly string[]): Promise<Page<Report>[]> => {
    const rows = await ctx.dataSource.getRepository(Report).find({
      where: { targetType: type, targetId: In([...ids]), hidden: false, ...(statuses?.length ? { status: In(statuses) } : {}) },
      order: { key: 'ASC' },
    });
    const after = window.afterKey === null ? null : Number(window.afterKey);
    return groupInKeyOrder(ids, rows, (row) => row.targetId).map((reports) =>
      toPage(
        reports.filter((report) => after === null || report.key > after),
        window,
        reports.length,
        (report) => String(report.key),
      ),
    );
  });
}
