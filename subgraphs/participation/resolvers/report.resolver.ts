import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { pageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { requireModerator } from '../auth/request-identity';
import { ReportAnswer } from '../entities/report-answer.entity';
import { Report, ReportTarget, targetOf } from '../entities/report.entity';
import { answersByReport, reportByKey } from '../loaders';
import { reportsPage } from '../queries/reports.query';
import { ReportConnection } from './payloads.types';
import { ReportFilter } from './report.input';

/** A public report by id, or null (unknown, or hidden pending moderation). */
export async function visibleReport(ctx: SubgraphContext, id: string): Promise<Report | null> {
  if (!/^\d{1,15}$/.test(id)) return null;
  const report = await reportByKey(ctx).load(Number(id));
  return report && !report.hidden ? report : null;
}

@Resolver(() => Report)
export class ReportResolver {
  @FieldResolver(() => ReportTarget, { description: 'The item the report is about.' })
  target(@Root() report: Report): ReportTarget {
    return targetOf(report);
  }

  @FieldResolver(() => [ReportAnswer], { description: 'Its answers, oldest first.' })
  answers(@Root() report: Report, @Ctx() ctx: SubgraphContext): Promise<ReportAnswer[]> {
    return answersByReport(ctx).load(report.key);
  }

  @FieldResolver(() => Report, {
    nullable: true,
    description: 'The report it duplicates, when its status is DUPLICATE (null if that one is hidden).',
  })
  duplicateOf(@Root() report: Report, @Ctx() ctx: SubgraphContext): Promise<Report | null> | null {
    return report.duplicateOfKey === null ? null : visibleReport(ctx, String(report.duplicateOfKey));
  }

  @Query(() => Report, { nullable: true, description: 'A public report by id; null when there is none or it is hidden.' })
  report(@Arg('id', () => ID, { description: 'The report id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<Report | null> {
    return visibleReport(ctx, id);
  }

  @Query(() => ReportConnection, {
    description:
      'Reports on any item, oldest first (*reportes ciudadanos*). Public ones by default; `filter.hidden: true` lists those hidden pending moderation, for moderators and admins.',
  })
  async reports(
    @Arg('filter', () => ReportFilter, { nullable: true, description: 'Which reports (default: every public one).' })
    filter: ReportFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many reports (default 20, at most the server maximum).' }) first:
      | number
      | null,
    @Arg('after', () => String, { nullable: true, description: 'Reports after this cursor.' }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    if (filter?.hidden) await requireModerator(ctx, 'list hidden reports');
    return reportsPage(ctx, filter ?? {}, pageWindow({ first, after }, ctx.config.maxPageSize));
  }
}
