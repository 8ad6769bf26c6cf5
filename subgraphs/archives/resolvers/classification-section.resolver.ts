import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { ClassificationSection } from '../entities/classification-section.entity';
import type { ClassificationSeries } from '../entities/classification-series.entity';
import { sectionByCode, seriesPageOfSection } from '../loaders';
import { ClassificationSeriesConnection } from './connections.types';

@Resolver(() => ClassificationSection)
export class ClassificationSectionResolver {
  @Query(() => [ClassificationSection], {
    description:
      'Every section of the classification chart (*Cuadro General de Clasificación Archivística*), in code order. A plain list: a chart has a few dozen sections at most.',
  })
  classificationSections(@Ctx() ctx: SubgraphContext): Promise<ClassificationSection[]> {
    return ctx.dataSource.getRepository(ClassificationSection).find({ order: { code: 'ASC' } });
  }

  @Query(() => ClassificationSection, {
    nullable: true,
    description: 'One section of the classification chart by code, e.g. `05C`; null when there is none.',
  })
  classificationSection(@Arg('code', { description: 'Section code (*código de la sección*).' }) code: string, @Ctx() ctx: SubgraphContext) {
    return sectionByCode(ctx).load(code);
  }

  @FieldResolver(() => ClassificationSeriesConnection, {
    description: 'The series of this section (*series documentales*), in code order.',
  })
  series(@Root() section: ClassificationSection, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<ClassificationSeries>> {
    return seriesPageOfSection(ctx, pageWindow(page, ctx.config.maxPageSize)).load(section.code);
  }
}
