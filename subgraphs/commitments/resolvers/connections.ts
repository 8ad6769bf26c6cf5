import { ConnectionType } from '../../shared/connection';
import { ActionPlan } from '../entities/action-plan.entity';
import { Commitment } from '../entities/commitment.entity';

export const ActionPlanConnection = ConnectionType(ActionPlan, 'ActionPlan', 'local action plan');
export const CommitmentConnection = ConnectionType(Commitment, 'Commitment', 'commitment');
