import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import {
  SearchHitsArgs,
  SearchHitType,
  searchHits,
  searchResultsSchema,
  type SearchHit,
  type SearchResultsShape,
} from '../../kit/search-results';
import { ClassificationSeries } from '../entities/classification-series.entity';
import { ArchivalRecord } from '../entities/record.entity';
import { recordById, seriesByCode } from '../loaders';
import { recordSearch, seriesSearch } from '../queries/search-results.query';

const { SearchResults } = searchResultsSchema('archives');
const SeriesSearchHit = SearchHitType(ClassificationSeries, 'ClassificationSeries', 'classification series');
const RecordSearchHit = SearchHitType(ArchivalRecord, 'Record', 'archival record');

@Resolver(() => SearchResults)
export class SearchResultsResolver {
  @FieldResolver(() => [SeriesSearchHit], {
    nullable: true,
    description: 'Classification series (*series documentales*) whose title, code, section or sampling criterion hold the words.',
  })
  series(
    @Root() results: SearchResultsShape,
    @Args() { first }: SearchHitsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SearchHit<ClassificationSeries>[]> {
    return searchHits(ctx, seriesSearch.kind, results, first, seriesByCode(ctx));
  }

  @FieldResolver(() => [RecordSearchHit], {
    nullable: true,
    description:
      'Archival records (*expedientes*) whose title, document titles, code or series code hold the words. A RESERVED or CONFIDENTIAL record is found only by its code and series: its hidden title and documents are never searched.',
  })
  records(
    @Root() results: SearchResultsShape,
    @Args() { first }: SearchHitsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SearchHit<ArchivalRecord>[]> {
    return searchHits(ctx, recordSearch.kind, results, first, recordById(ctx));
  }
}
