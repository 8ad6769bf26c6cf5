import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ActionPlan } from '../entities/action-plan.entity';
import type { ActionPlanFilter } from '../resolvers/action-plan.input';

export function actionPlansQuery(dataSource: DataSource, filter: ActionPlanFilter | null): SelectQueryBuilder<ActionPlan> {
  const query = dataSource.getRepository(ActionPlan).createQueryBuilder('plan');
  if (filter?.stateId) query.andWhere('plan.stateId = :stateId', { stateId: filter.stateId });
  if (filter?.status) query.andWhere('plan.status = :status', { status: filter.status });
  return query;
}
