import { In } from 'typeorm';
import type { PageWindow } from '../kit/connection';
import type { SubgraphContext } from '../kit/context';
import { groupInKeyOrder, loaderByKey, loaderManyBy, loaderPageBy } from '../kit/loaders';
import type { ReportStatus, TargetType } from './entities/participation.enums';
import { ProgressState } from './entities/participation.enums';
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
 * A page of the public reports of many items of one type at once, in two statements whatever the number of items (the
 * kit's paged children): an item flooded with reports still reads one page, not all of them.
 */
export function reportsOfTargets(ctx: SubgraphContext, type: TargetType, window: PageWindow, statuses: ReportStatus[] | null) {
  const filter = {
    name: `${type}.${statuses?.join(',') ?? ''}`,
    where: `t."targetType" = :targetType AND t."hidden" = :hidden${statuses?.length ? ' AND t."status" IN (:...statuses)' : ''}`,
    parameters: { targetType: type, hidden: false, statuses },
  };
  return loaderPageBy(ctx, Report, 'targetId', window, 'key', filter);
}
