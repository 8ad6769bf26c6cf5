import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { ClassificationSection } from '../entities/classification-section.entity';
import { ClassificationSeries } from '../entities/classification-series.entity';
import { ClassificationSubseries } from '../entities/classification-subseries.entity';
import type { ArchivalRecord } from '../entities/record.entity';
import { recordPageOfSeries, sectionByCode, seriesByCode, subseriesOfSeries } from '../loaders';
import { classificationSeriesQuery } from '../queries/classification-series.query';
import { ClassificationSeriesFilter } from './classification.input';
import { ClassificationSeriesConnection, RecordConnection } from './connections.types';

@Resolver(() => ClassificationSeries)
export class ClassificationSeriesResolver {
  @Query(() => ClassificationSeries, {
    nullable: true,
    description: 'One records series of the disposition catalogue by code, e.g. `05C.14`; null when there is none.',
  })
  classificationSeries(@Arg('code', { description: 'Series code (*código de la serie*).' }) code: string, @Ctx() ctx: SubgraphContext) {
    return seriesByCode(ctx).load(code);
  }

  @Query(() => ClassificationSeriesConnection, {
    description: 'The series of the disposition catalogue (*CADIDO*), in code order, optionally filtered.',
  })
  classificationSeriesList(
    @Arg('filter', () => ClassificationSeriesFilter, { nullable: true, description: 'Conditions the series must meet.' })
    filter: ClassificationSeriesFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ClassificationSeries>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(classificationSeriesQuery(ctx.dataSource, filter), window, 'code');
  }

  @FieldResolver(() => ClassificationSection, { description: 'The section of the classification chart the series belongs to (*sección*).' })
  async section(@Root() series: ClassificationSeries, @Ctx() ctx: SubgraphContext): Promise<ClassificationSection> {
    const section = await sectionByCode(ctx).load(series.sectionCode);
    // The catalogue importer refuses a series whose section is not in the chart.
    if (!section) throw new Error(`Series ${series.code} belongs to section ${series.sectionCode}, which is not loaded`);
    return section;
  }

  @FieldResolver(() => [ClassificationSubseries], { description: 'Its subseries (*subseries*), in code order; empty when it has none.' })
  subseries(@Root() series: ClassificationSeries, @Ctx() ctx: SubgraphContext): Promise<ClassificationSubseries[]> {
    return subseriesOfSeries(ctx).load(series.code);
  }

  @FieldResolver(() => RecordConnection, { description: 'The records (*expedientes*) filed in this series, in id order.' })
  records(@Root() series: ClassificationSeries, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<ArchivalRecord>> {
    return recordPageOfSeries(ctx, pageWindow(page, ctx.config.maxPageSize)).load(series.code);
  }
}
