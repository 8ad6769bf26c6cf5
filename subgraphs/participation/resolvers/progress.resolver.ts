import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { pageWindow, paginate } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { ProgressUpdate } from '../entities/progress-update.entity';
import { Commitment } from '../entities/federated.stubs';
import { ProgressUpdateConnection } from './payloads.types';
import { checkStateId } from '../writes/targets';
import { ProgressFilter } from './report.input';

@Resolver(() => ProgressUpdate)
export class ProgressResolver {
  @FieldResolver(() => Commitment, {
    description: 'The commitment the update is about (its title and plan come from the commitments subgraph).',
  })
  commitment(@Root() update: ProgressUpdate): Commitment {
    return { id: update.commitmentId };
  }

  @Query(() => ProgressUpdateConnection, {
    description:
      "Progress updates across commitments, in the order they were proposed (*avances*): a state's feed, the secretariat's page.",
  })
  progressUpdates(
    @Arg('filter', () => ProgressFilter, { nullable: true, description: 'Which updates (default: all).' }) filter: ProgressFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many updates (default 20, at most the server maximum).' }) first:
      | number
      | null,
    @Arg('after', () => String, { nullable: true, description: 'Updates after this cursor.' }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const query = ctx.dataSource.getRepository(ProgressUpdate).createQueryBuilder('progress');
    if (filter?.state) query.andWhere('progress.stateId = :state', { state: checkStateId(filter.state, 'filter.state') });
    if (filter?.states?.length) query.andWhere('progress.state IN (:...states)', { states: filter.states });
    return paginate(query, pageWindow({ first, after }, ctx.config.maxPageSize), 'key');
  }
}
