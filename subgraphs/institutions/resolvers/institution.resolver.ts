import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { GuarantorYear } from '../entities/guarantor-year.entity';
import { Institution } from '../entities/institution.entity';
import { State } from '../entities/state.entity';
import { childrenByParent, guarantorYearsByInstitution, institutionById, stateById } from '../loaders';
import { institutionsQuery } from '../queries/institution.query';
import { InstitutionConnection } from './connections.types';
import { InstitutionFilter } from './institution.input';

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => Institution, {
    nullable: true,
    description: 'An institution (*sujeto obligado*) by id, e.g. `MX-CPA-12M7F`; null when there is none.',
  })
  institution(
    @Arg('id', () => ID, { description: 'The stable institution id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Institution | null> {
    return institutionById(ctx).load(id);
  }

  @Query(() => InstitutionConnection, { description: 'Institutions (*sujetos obligados*), filtered, in id order.' })
  institutions(
    @Arg('filter', () => InstitutionFilter, { nullable: true, description: 'Conditions the institutions must meet.' })
    filter: InstitutionFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Institution>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(institutionsQuery(ctx.dataSource, filter), window);
  }

  @FieldResolver(() => State, {
    nullable: true,
    description: 'The state (*entidad federativa*) a state or municipal institution belongs to; null for federal ones.',
  })
  state(@Root() institution: Institution, @Ctx() ctx: SubgraphContext): Promise<State | null> | null {
    return institution.stateId ? stateById(ctx).load(institution.stateId) : null;
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description: 'The institution this one belongs to, e.g. the budget branch (*ramo*) of a responsible unit.',
  })
  parent(@Root() institution: Institution, @Ctx() ctx: SubgraphContext): Promise<Institution | null> | null {
    return institution.parentId ? institutionById(ctx).load(institution.parentId) : null;
  }

  @FieldResolver(() => InstitutionConnection, {
    description: 'Institutions that belong to this one, e.g. the responsible units (*unidades responsables*) of a ramo.',
  })
  children(@Root() institution: Institution, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Institution>> {
    return childrenByParent(ctx, pageWindow(page, ctx.config.maxPageSize)).load(institution.id);
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description: 'The institution that took over when this one was dissolved (*institución sucesora*).',
  })
  successor(@Root() institution: Institution, @Ctx() ctx: SubgraphContext): Promise<Institution | null> | null {
    return institution.successorId ? institutionById(ctx).load(institution.successorId) : null;
  }

  @FieldResolver(() => [GuarantorYear], {
    description: "A transparency body's yearly figures (*estadísticas del órgano garante*); empty for other institutions.",
  })
  guarantorStatistics(@Root() institution: Institution, @Ctx() ctx: SubgraphContext): Promise<GuarantorYear[]> {
    return guarantorYearsByInstitution(ctx).load(institution.id);
  }
}
