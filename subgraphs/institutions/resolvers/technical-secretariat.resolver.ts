import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { State } from '../entities/state.entity';
import { TechnicalSecretariat } from '../entities/technical-secretariat.entity';
import { stateById } from '../loaders';

@Resolver(() => TechnicalSecretariat)
export class TechnicalSecretariatResolver {
  @Query(() => [TechnicalSecretariat], {
    description: 'Every installed local technical secretariat (*Secretariado Técnico Local*), in state order.',
  })
  technicalSecretariats(@Ctx() ctx: SubgraphContext): Promise<TechnicalSecretariat[]> {
    return ctx.dataSource.getRepository(TechnicalSecretariat).find({ order: { stateId: 'ASC' } });
  }

  @FieldResolver(() => State, { description: 'The state whose local action plan the secretariat co-creates.' })
  async state(@Root() secretariat: TechnicalSecretariat, @Ctx() ctx: SubgraphContext): Promise<State> {
    const state = await stateById(ctx).load(secretariat.stateId);
    if (!state) throw new Error(`Technical secretariat of unknown state ${secretariat.stateId}`);
    return state;
  }
}
