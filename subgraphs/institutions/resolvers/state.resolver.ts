import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { In, IsNull } from 'typeorm';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { Institution } from '../entities/institution.entity';
import { OpenGovernmentScore } from '../entities/open-government-score.entity';
import { StateIndicator } from '../entities/state-indicator.entity';
import { State } from '../entities/state.entity';
import { TechnicalSecretariat } from '../entities/technical-secretariat.entity';
import { executiveId, guarantorId } from '../../kit/ids';
import { indicatorsByState, institutionById, scoresByState, secretariatByState, stateById } from '../loaders';
import { StateConnection } from './connections.types';

const INDICATOR_CODES = 'Only these codes (as in the dictionary, e.g. ["M", "P"] for population and poverty); all when omitted.';

@Resolver(() => State)
export class StateResolver {
  @Query(() => State, {
    nullable: true,
    description: 'A state (*entidad federativa*) by its INEGI code, e.g. "29"; null when there is none.',
  })
  state(@Arg('id', () => ID, { description: 'INEGI code, two digits.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<State | null> {
    return stateById(ctx).load(id);
  }

  @Query(() => StateConnection, { description: 'The 32 states (*entidades federativas*), in INEGI code order.' })
  states(@Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<State>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(ctx.dataSource.getRepository(State).createQueryBuilder('state'), window);
  }

  @Query(() => [OpenGovernmentScore], {
    description: 'The national value of the Open Government Metric (*Métrica de Gobierno Abierto*, valor nacional), by year.',
  })
  nationalOpenGovernmentMetric(@Ctx() ctx: SubgraphContext): Promise<OpenGovernmentScore[]> {
    return ctx.dataSource.getRepository(OpenGovernmentScore).find({ where: { stateId: IsNull() }, order: { year: 'ASC' } });
  }

  @Query(() => [StateIndicator], { description: 'The national values of the state context indicators (*valores nacionales*), by code.' })
  nationalIndicators(
    @Arg('codes', () => [String], { nullable: true, description: INDICATOR_CODES }) codes: string[] | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StateIndicator[]> {
    return ctx.dataSource
      .getRepository(StateIndicator)
      .find({ where: { stateId: IsNull(), ...(codes ? { code: In(codes) } : {}) }, order: { code: 'ASC' } });
  }

  @FieldResolver(() => [StateIndicator], {
    description:
      "The state's context indicators (*indicadores estatales*: population, poverty, schooling, state GDP…), by code; empty when the data has none.",
  })
  async indicators(
    @Root() state: State,
    @Arg('codes', () => [String], { nullable: true, description: INDICATOR_CODES }) codes: string[] | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StateIndicator[]> {
    const all = await indicatorsByState(ctx).load(state.id);
    return codes ? all.filter((indicator) => codes.includes(indicator.code)) : all;
  }

  @FieldResolver(() => [OpenGovernmentScore], {
    description:
      "The state's Open Government Metric (*Métrica de Gobierno Abierto*, INAI/CIDE), by year; empty when not measured in the data.",
  })
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

  @FieldResolver(() => TechnicalSecretariat, {
    nullable: true,
    description: "The state's local technical secretariat (*Secretariado Técnico Local*), when one has been installed.",
  })
  technicalSecretariat(@Root() state: State, @Ctx() ctx: SubgraphContext): Promise<TechnicalSecretariat | null> {
    return secretariatByState(ctx).load(state.id);
  }
}
