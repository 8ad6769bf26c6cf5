import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { Contract } from '../entities/contract.entity';
import { ContractProgram } from '../entities/contract-program.entity';
import type { ContractFilter } from '../resolvers/contract.input';
import { raisingAll } from './red-flag.query';

export function contractsQuery(dataSource: DataSource, filter: ContractFilter | null): SelectQueryBuilder<Contract> {
  const query = dataSource.getRepository(Contract).createQueryBuilder('c');
  if (filter?.programId != null) {
    const linked = query.subQuery().select('cp.contractId').from(ContractProgram, 'cp').where('cp.programId = :programId').getQuery();
    query.andWhere(`c.id IN ${linked}`, { programId: filter.programId });
  }
  if (filter?.buyerId != null) query.andWhere('c.buyerId = :buyerId', { buyerId: filter.buyerId });
  if (filter?.fiscalYear != null) query.andWhere('c.fiscalYear = :fiscalYear', { fiscalYear: filter.fiscalYear });
  if (filter?.redFlags != null) raisingAll(query, filter.redFlags);
  return query;
}
