import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../kit/errors';
import { paginate, type PageWindow } from '../../kit/connection';
import { Report } from '../entities/report.entity';
import type { ReportFilter } from '../resolvers/report.input';

const STATE_ID = /^(0[1-9]|[12]\d|3[0-2])$/;

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
    if (!STATE_ID.test(filter.state)) throw badUserInput('state must be an INEGI state code, 01 to 32', 'filter.state');
    query.andWhere('report.stateId = :state', { state: filter.state });
  }
  return paginate(query, window, 'key');
}
