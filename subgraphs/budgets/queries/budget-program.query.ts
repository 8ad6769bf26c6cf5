import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { BudgetProgram } from '../entities/budget-program.entity';
import type { BudgetProgramFilter } from '../resolvers/budget-program.input';

export function budgetProgramsQuery(dataSource: DataSource, filter: BudgetProgramFilter | null): SelectQueryBuilder<BudgetProgram> {
  const query = dataSource.getRepository(BudgetProgram).createQueryBuilder('p');
  if (filter?.fiscalYear != null) query.andWhere('p.fiscalYear = :fiscalYear', { fiscalYear: filter.fiscalYear });
  if (filter?.ramo != null) query.andWhere('p.ramoCode = :ramo', { ramo: filter.ramo.padStart(2, '0') });
  if (filter?.modality != null) query.andWhere('p.modalityCode = :modality', { modality: filter.modality.toUpperCase() });
  if (filter?.search) {
    query.andWhere('(LOWER(p.name) LIKE :search OR LOWER(p.key) LIKE :search)', { search: `%${filter.search.toLowerCase()}%` });
  }
  return query;
}
