import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { Commitment } from '../entities/commitment.entity';
import { containsPattern, foldText } from '../text';
import type { CommitmentFilter } from '../resolvers/commitment.input';

export function commitmentsQuery(dataSource: DataSource, filter: CommitmentFilter | null): SelectQueryBuilder<Commitment> {
  const query = dataSource.getRepository(Commitment).createQueryBuilder('c');
  if (filter?.stateId) query.andWhere('c.stateId = :stateId', { stateId: filter.stateId });
  if (filter?.actionPlanId) query.andWhere('c.actionPlanId = :actionPlanId', { actionPlanId: filter.actionPlanId });
  if (filter?.theme) query.andWhere(`c.themes LIKE :theme ESCAPE '\\'`, { theme: containsPattern(`|${filter.theme}|`) });
  if (filter?.stage) query.andWhere('c.stage = :stage', { stage: filter.stage });
  if (filter?.responsibleInstitutionId) {
    query.andWhere('c.responsibleInstitutionId = :institutionId', { institutionId: filter.responsibleInstitutionId });
  }
  if (filter?.kind) query.andWhere('c.kind = :kind', { kind: filter.kind });
  if (filter?.country) query.andWhere('c.memberCode = :memberCode', { memberCode: filter.country });
  // A literal rather than a parameter: better-sqlite3 cannot bind booleans, and TRUE/FALSE read the same on both engines.
  if (typeof filter?.starred === 'boolean') query.andWhere(`c.irm.starred = ${filter.starred ? 'TRUE' : 'FALSE'}`);
  if (filter?.search) query.andWhere(`c.titleFolded LIKE :search ESCAPE '\\'`, { search: containsPattern(foldText(filter.search)) });
  return query;
}
