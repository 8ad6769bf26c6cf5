import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import { PageArgs, pageWindow, paginate, type Page } from '../../shared/connection';
import type { SubgraphContext } from '../../shared/context';
import { Institution } from '../entities/institution.entity';
import { OpenGovernmentScore } from '../entities/open-government-score.entity';
import { State } from '../entities/state.entity';
import { TechnicalSecretariat } from '../entities/technical-secretariat.entity';
import { executiveId, guarantorId } from '../ids';
import { institutionById, scoresByState, secretariatByState, stateById } from '../loaders';
import { StateConnection } from './connections';

@Resolver(() => State)
export class StateResolver {
  @Query(() => State, { nullable: true, description: 'A state (*entidad federativa*) by its INEGI code, e.g. "29"; null when there is none.' })
  state(@Arg('id', () => ID, { description: 'INEGI code, two digits.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<State | null> {
    return stateById(ctx).load(id);
  }

  @Query(() => StateConnection, { description: 'The 32 states (*entidades federativas*), in INEGI code order.' })
  states(@Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<State>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(ctx.dataSource.getRepository(State).createQueryBuilder('state'), window);
  }

  @Query(() => [OpenGovernmentScore], { description: 'The national value of the Open Government Metric (*Métrica de Gobierno Abierto*, valor nacional), by year.' })
  nationalOpenGovernmentMetric(@Ctx() ctx: SubgraphContext): Promise<OpenGovernmentScore[]> {
    return ctx.dataSource.getRepository(OpenGovernmentScore).find({ where: { stateId: IsNull() }, order: { year: 'ASC' } });
  }

  @FieldResolver(() => [OpenGovernmentScore], { description: "The state's Open Government Metric (*Métrica de Gobierno Abierto*, INAI/CIDE), by year; empty when not measured in the data." })
  openGovernmentMetric(@Root() state: State, @Ctx() ctx: SubgraphContext): Promise<OpenGovernmentScore[]> {
    return scoresByState(ctx).load(state.id);
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The state's transparency body (*órgano garante*)." })
  guarantorBody(@Root() state: State, @Ctx() ctx: SubgraphContext): Promise<Institution | null> {
    return institutionById(ctx).load(guarantorId(state.id));
  }

  @FieldResolver(() => Institution, { nullable: true, description: "The state's executive branch (*Poder Ejecutivo estatal*)." })
  executive(@Root() state: State, @Ctx() ctx: SubgraphContext): Promise<Institution | null> {
    return institutionById(ctx).load(executiveId(state.id));
  }

  @FieldResolver(() => TechnicalSecretariat, { nullable: true, description: "The state's local technical secretariat (*Secretariado Técnico Local*), when one has been installed." })
  technicalSecretariat(@Root() state: State, @Ctx() ctx: SubgraphContext): Promise<TechnicalSecretariat | null> {
    return secretariatByState(ctx).load(state.id);
  }
}
