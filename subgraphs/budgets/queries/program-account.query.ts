import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ProgramAccount } from '../entities/program-account.entity';
import type { ProgramAccountFilter } from '../resolvers/program-account.input';

export function programAccountsQuery(dataSource: DataSource, filter: ProgramAccountFilter | null): SelectQueryBuilder<ProgramAccount> {
  const query = dataSource.getRepository(ProgramAccount).createQueryBuilder('a');
  if (filter?.fiscalYear != null) query.andWhere('a.fiscalYear = :fiscalYear', { fiscalYear: filter.fiscalYear });
  if (filter?.ramo != null) query.andWhere('a.ramoCode = :ramo', { ramo: filter.ramo.padStart(2, '0') });
  return query;
}
