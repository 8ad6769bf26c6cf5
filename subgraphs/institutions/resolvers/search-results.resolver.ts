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
import { Institution } from '../entities/institution.entity';
import { State } from '../entities/state.entity';
import { institutionById, stateById } from '../loaders';
import { institutionSearch, stateSearch } from '../queries/search-results.query';

const { SearchResults } = searchResultsSchema('institutions');
const InstitutionSearchHit = SearchHitType(Institution, 'Institution', 'institution');
const StateSearchHit = SearchHitType(State, 'State', 'state');

@Resolver(() => SearchResults)
export class SearchResultsResolver {
  @FieldResolver(() => [InstitutionSearchHit], {
    nullable: true,
    description: 'Institutions (*sujetos obligados*) whose name, acronym or id hold the words.',
  })
  institutions(
    @Root() results: SearchResultsShape,
    @Args() { first }: SearchHitsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SearchHit<Institution>[]> {
    return searchHits(ctx, institutionSearch.kind, results, first, institutionById(ctx));
  }

  @FieldResolver(() => [StateSearchHit], {
    nullable: true,
    description: 'States (*entidades federativas*) whose name, ISO code or INEGI code hold the words.',
  })
  states(@Root() results: SearchResultsShape, @Args() { first }: SearchHitsArgs, @Ctx() ctx: SubgraphContext): Promise<SearchHit<State>[]> {
    return searchHits(ctx, stateSearch.kind, results, first, stateById(ctx));
  }
}
