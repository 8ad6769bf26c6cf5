import type { PageWindow } from '../kit/connection';
import type { SubgraphContext } from '../kit/context';
import { loaderByKey, loaderManyBy, loaderPageBy } from '../kit/loaders';
import { GuarantorYear } from './entities/guarantor-year.entity';
import { Institution } from './entities/institution.entity';
import { OpenGovernmentScore } from './entities/open-government-score.entity';
import { StateIndicator } from './entities/state-indicator.entity';
import { State } from './entities/state.entity';
import { TechnicalSecretariat } from './entities/technical-secretariat.entity';

export const stateById = (ctx: SubgraphContext) => loaderByKey(ctx, State);
export const institutionById = (ctx: SubgraphContext) => loaderByKey(ctx, Institution);
export const scoresByState = (ctx: SubgraphContext) => loaderManyBy(ctx, OpenGovernmentScore, 'stateId', 'year');
export const indicatorsByState = (ctx: SubgraphContext) => loaderManyBy(ctx, StateIndicator, 'stateId', 'code');
export const guarantorYearsByInstitution = (ctx: SubgraphContext) => loaderManyBy(ctx, GuarantorYear, 'institutionId', 'year');
export const secretariatByState = (ctx: SubgraphContext) => loaderByKey(ctx, TechnicalSecretariat, 'stateId');
export const childrenByParent = (ctx: SubgraphContext, window: PageWindow) => loaderPageBy(ctx, Institution, 'parentId', window);
