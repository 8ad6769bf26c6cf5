import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { OgpActionPlan } from '../entities/ogp-action-plan.entity';
import type { OgpActionPlanFilter } from '../resolvers/ogp-action-plan.input';

export function ogpActionPlansQuery(dataSource: DataSource, filter: OgpActionPlanFilter | null): SelectQueryBuilder<OgpActionPlan> {
  const query = dataSource.getRepository(OgpActionPlan).createQueryBuilder('plan');
  if (filter?.country) query.andWhere('plan.memberCode = :memberCode', { memberCode: filter.country });
  if (filter?.stateId) query.andWhere('plan.stateId = :stateId', { stateId: filter.stateId });
  if (filter?.level) query.andWhere('plan.level = :level', { level: filter.level });
  return query;
}
