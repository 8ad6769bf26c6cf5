import type { SearchSource } from '../../kit/search';
import { ActionPlan } from '../entities/action-plan.entity';
import { Commitment } from '../entities/commitment.entity';
import { OgpActionPlan } from '../entities/ogp-action-plan.entity';

/** Commitments by their text; also by id, the OGP full text, the lead institution's name and the policy areas. */
export const commitmentSearch: SearchSource = {
  kind: 'commitment',
  select: (sql) => {
    const c = sql.columnsOf(Commitment);
    return `SELECT ${c('id')} AS id, ${c('title')} AS title, ${sql.words(c('id'), c('fullText'), c('leadInstitutionName'), c('policyAreas'))} AS body
      FROM ${sql.table(Commitment)}`;
  },
};

/** Local action plans by their title (which names the state), id and INAI's status note. */
export const actionPlanSearch: SearchSource = {
  kind: 'action_plan',
  select: (sql) => {
    const c = sql.columnsOf(ActionPlan);
    return `SELECT ${c('id')} AS id, ${c('title')} AS title, ${sql.words(c('id'), c('statusNote'))} AS body FROM ${sql.table(ActionPlan)}`;
  },
};

/** OGP action plans by their title, member (country or locality) and id. */
export const ogpActionPlanSearch: SearchSource = {
  kind: 'ogp_action_plan',
  select: (sql) => {
    const c = sql.columnsOf(OgpActionPlan);
    return `SELECT ${c('id')} AS id, ${c('title')} AS title, ${sql.words(c('id'), c('memberName'), c('memberCode'), c('region'))} AS body
      FROM ${sql.table(OgpActionPlan)}`;
  },
};

export const searchSources = [commitmentSearch, actionPlanSearch, ogpActionPlanSearch];
