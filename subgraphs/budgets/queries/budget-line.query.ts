import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { isRamoId } from '../../kit/ids';
import { BudgetLine } from '../entities/budget-line.entity';
import type { BudgetLineFilter } from '../resolvers/budget-line.input';

export function budgetLinesQuery(dataSource: DataSource, filter: BudgetLineFilter | null): SelectQueryBuilder<BudgetLine> {
  return filterBudgetLines(dataSource.getRepository(BudgetLine).createQueryBuilder('l'), filter);
}

export function filterBudgetLines(
  query: SelectQueryBuilder<BudgetLine>,
  filter: BudgetLineFilter | null | undefined,
): SelectQueryBuilder<BudgetLine> {
  const alias = query.alias;
  if (!filter) return query;
  if (filter.fiscalYear != null) query.andWhere(`${alias}.fiscalYear = :fiscalYear`, { fiscalYear: filter.fiscalYear });
  if (filter.programId != null) query.andWhere(`${alias}.programId = :programId`, { programId: filter.programId });
  if (filter.institutionId != null) {
    const column = isRamoId(filter.institutionId) ? 'ramoInstitutionId' : 'institutionId';
    query.andWhere(`${alias}.${column} = :institutionId`, { institutionId: filter.institutionId });
  }
  if (filter.stateId != null) query.andWhere(`${alias}.stateId = :stateId`, { stateId: filter.stateId });
  if (filter.chapter != null) query.andWhere(`${alias}.chapterCode = :chapter`, { chapter: filter.chapter });
  return query;
}
