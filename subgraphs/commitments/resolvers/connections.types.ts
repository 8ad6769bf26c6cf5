import { ConnectionType } from '../../kit/connection';
import { ActionPlan } from '../entities/action-plan.entity';
import { Commitment } from '../entities/commitment.entity';
import { OgpActionPlan } from '../entities/ogp-action-plan.entity';

export const ActionPlanConnection = ConnectionType(ActionPlan, 'ActionPlan', 'local action plan');
export const CommitmentConnection = ConnectionType(Commitment, 'Commitment', 'commitment');
export const OgpActionPlanConnection = ConnectionType(OgpActionPlan, 'OgpActionPlan', 'OGP action plan');
