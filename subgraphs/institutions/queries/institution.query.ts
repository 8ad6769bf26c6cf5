import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { Institution } from '../entities/institution.entity';
import { searchForm } from '../names';
import type { InstitutionFilter } from '../resolvers/institution.input';

/** `nameContains` is matched with LIKE; its own wildcards must match literally. */
function likePattern(text: string): string {
  return `%${searchForm(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function institutionsQuery(dataSource: DataSource, filter: InstitutionFilter | null): SelectQueryBuilder<Institution> {
  const query = dataSource.getRepository(Institution).createQueryBuilder('institution');
  if (filter?.kind) query.andWhere('institution.kind = :kind', { kind: filter.kind });
  if (filter?.order) query.andWhere('institution.order = :order', { order: filter.order });
  if (filter?.stateId) query.andWhere('institution.stateId = :stateId', { stateId: filter.stateId });
  if (filter?.parentId) query.andWhere('institution.parentId = :parentId', { parentId: filter.parentId });
  if (filter?.nameContains) {
    query.andWhere("institution.searchName LIKE :name ESCAPE '\\'", { name: likePattern(filter.nameContains) });
  }
  return query;
}
