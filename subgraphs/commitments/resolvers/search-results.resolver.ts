import { searchResultsResolver } from '../../kit/search-results';
import { ActionPlan } from '../entities/action-plan.entity';
import { Commitment } from '../entities/commitment.entity';
import { OgpActionPlan } from '../entities/ogp-action-plan.entity';
import { actionPlanById, commitmentById, ogpActionPlanById } from '../loaders';
import { actionPlanSearch, commitmentSearch, ogpActionPlanSearch } from '../queries/search-results.query';

export const SearchResultsResolver = searchResultsResolver('commitments', [
  {
    field: 'commitments',
    node: Commitment,
    name: 'Commitment',
    what: 'commitment',
    description: 'Commitments (*compromisos*) whose title, id, full text, lead institution or policy areas hold the words.',
    kind: commitmentSearch.kind,
    loader: commitmentById,
  },
  {
    field: 'actionPlans',
    node: ActionPlan,
    name: 'ActionPlan',
    what: 'local action plan',
    description: 'Local action plans (*planes de acción locales*) whose title (which names the state), id or status note hold the words.',
    kind: actionPlanSearch.kind,
    loader: actionPlanById,
  },
  {
    field: 'ogpActionPlans',
    node: OgpActionPlan,
    name: 'OgpActionPlan',
    what: 'OGP action plan',
    description: 'Open Government Partnership action plans whose title, member (country or locality) or id hold the words.',
    kind: ogpActionPlanSearch.kind,
    loader: ogpActionPlanById,
  },
]);
