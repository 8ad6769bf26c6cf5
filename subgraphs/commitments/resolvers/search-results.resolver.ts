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
import { ActionPlan } from '../entities/action-plan.entity';
import { Commitment } from '../entities/commitment.entity';
import { OgpActionPlan } from '../entities/ogp-action-plan.entity';
import { actionPlanById, commitmentById, ogpActionPlanById } from '../loaders';
import { actionPlanSearch, commitmentSearch, ogpActionPlanSearch } from '../queries/search-results.query';

const { SearchResults } = searchResultsSchema('commitments');
const CommitmentSearchHit = SearchHitType(Commitment, 'Commitment', 'commitment');
const ActionPlanSearchHit = SearchHitType(ActionPlan, 'ActionPlan', 'local action plan');
const OgpActionPlanSearchHit = SearchHitType(OgpActionPlan, 'OgpActionPlan', 'OGP action plan');

@Resolver(() => SearchResults)
export class SearchResultsResolver {
  @FieldResolver(() => [CommitmentSearchHit], {
    nullable: true,
    description: 'Commitments (*compromisos*) whose title, id, full text, lead institution or policy areas hold the words.',
  })
  commitments(
    @Root() results: SearchResultsShape,
    @Args() { first }: SearchHitsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SearchHit<Commitment>[]> {
    return searchHits(ctx, commitmentSearch.kind, results, first, commitmentById(ctx));
  }

  @FieldResolver(() => [ActionPlanSearchHit], {
    nullable: true,
    description: 'Local action plans (*planes de acción locales*) whose title (which names the state), id or status note hold the words.',
  })
  actionPlans(
    @Root() results: SearchResultsShape,
    @Args() { first }: SearchHitsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SearchHit<ActionPlan>[]> {
    return searchHits(ctx, actionPlanSearch.kind, results, first, actionPlanById(ctx));
  }

  @FieldResolver(() => [OgpActionPlanSearchHit], {
    nullable: true,
    description: 'Open Government Partnership action plans whose title, member (country or locality) or id hold the words.',
  })
  ogpActionPlans(
    @Root() results: SearchResultsShape,
    @Args() { first }: SearchHitsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SearchHit<OgpActionPlan>[]> {
    return searchHits(ctx, ogpActionPlanSearch.kind, results, first, ogpActionPlanById(ctx));
  }
}
