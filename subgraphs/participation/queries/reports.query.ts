import type { SubgraphContext } from '../../kit/context';
import { paginate, type PageWindow } from '../../kit/connection';
import { Report } from '../entities/report.entity';
import type { ReportFilter } from '../resolvers/report.input';
import { checkStateId } from '../writes/targets';

/** Reports matching a filter, in the order they were sent; hidden ones only when asked for (the caller checks who asks). */
export function reportsPage(ctx: SubgraphContext, filter: ReportFilter, window: PageWindow) {
  const query = ctx.dataSource
    .getRepository(Report)
    .createQueryBuilder('report')
    .where('report.hidden = :hidden', { hidden: filter.hidden === true });
  if (filter.status?.length) query.andWhere('report.status IN (:...status)', { status: filter.status });
  if (filter.targetType) query.andWhere('report.targetType = :targetType', { targetType: filter.targetType });
  if (filter.category) query.andWhere('report.category = :category', { category: filter.category });
  if (filter.state) {
    query.andWhere('report.stateId = :state', { state: checkStateId(filter.state, 'filter.state') });
  }
  return paginate(query, window, 'key');
}
