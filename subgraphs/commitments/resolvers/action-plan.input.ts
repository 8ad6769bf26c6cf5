import { Field, ID, InputType } from 'type-graphql';
import { ActionPlanStatus } from '../entities/action-plan.entity';

@InputType({ description: 'Narrows a list of action plans (*planes de acción locales*); all given conditions must hold.' })
export class ActionPlanFilter {
  @Field(() => ID, { nullable: true, description: 'Only plans of this state (INEGI code, e.g. `29`).' })
  stateId?: string | null;

  @Field(() => ActionPlanStatus, { nullable: true, description: 'Only plans with this status (*estatus*).' })
  status?: ActionPlanStatus | null;
}
