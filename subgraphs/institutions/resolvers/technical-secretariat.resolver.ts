import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Institution } from '../entities/institution.entity';
import { State } from '../entities/state.entity';
import { SecretariatMember, TechnicalSecretariat } from '../entities/technical-secretariat.entity';
import { institutionById, stateById } from '../loaders';

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

@Resolver(() => SecretariatMember)
export class SecretariatMemberResolver {
  @FieldResolver(() => String, {
    description: "Who holds the seat (*integrante*): the institution's name, or a description when the source names no one.",
  })
  async name(@Root() member: SecretariatMember, @Ctx() ctx: SubgraphContext): Promise<string> {
    const institution = member.institutionId ? await institutionById(ctx).load(member.institutionId) : null;
    return institution?.name ?? member.label;
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description: 'The institution holding the seat; null for civil society, whose members the source does not name.',
  })
  institution(@Root() member: SecretariatMember, @Ctx() ctx: SubgraphContext): Promise<Institution | null> | null {
    return member.institutionId ? institutionById(ctx).load(member.institutionId) : null;
  }
}
