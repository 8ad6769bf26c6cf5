import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { Allocation } from '../entities/allocation.entity';
import { BudgetLine } from '../entities/budget-line.entity';
import type { AllocationFilter } from '../resolvers/allocation.input';

export function allocationsQuery(dataSource: DataSource, filter: AllocationFilter | null): SelectQueryBuilder<Allocation> {
  const query = dataSource.getRepository(Allocation).createQueryBuilder('a').orderBy('a.id', 'ASC');
  if (filter?.commitmentId != null) query.andWhere('a.commitmentId = :commitmentId', { commitmentId: filter.commitmentId });
  if (filter?.programId != null) query.andWhere('a.programId = :programId', { programId: filter.programId });
  return query;
}

/**
 * The lines an allocation's scope can be matched with: same program and, when the scope names a state, the same
 * state. A national scope (no state) matches every line of the program; a municipal scope matches nothing here.
 */
export function scopedLines(dataSource: DataSource): SelectQueryBuilder<Allocation> {
  return dataSource
    .getRepository(Allocation)
    .createQueryBuilder('a')
    .innerJoin(BudgetLine, 'l', 'l.programId = a.programId AND (a.stateId IS NULL OR l.stateId = a.stateId)')
    .where('a.municipality IS NULL');
}
