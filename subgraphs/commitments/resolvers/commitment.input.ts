import { Field, ID, InputType } from 'type-graphql';
import { CommitmentKind, CommitmentStage, CommitmentTheme } from '../entities/commitment.entity';

@InputType({ description: 'Narrows a list of commitments (*compromisos*); all given conditions must hold.' })
export class CommitmentFilter {
  @Field(() => ID, { nullable: true, description: 'Only commitments of plans of this state (INEGI code, e.g. `29`).' })
  stateId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only commitments of this action plan, e.g. `MX-TLA-PAL-2016`.' })
  actionPlanId?: string | null;

  @Field(() => CommitmentTheme, { nullable: true, description: 'Only commitments pursuing this aim of the joint declaration (*eje*).' })
  theme?: CommitmentTheme | null;

  @Field(() => CommitmentStage, { nullable: true, description: 'Only commitments at this step of the five-step model (*etapa*).' })
  stage?: CommitmentStage | null;

  @Field(() => ID, { nullable: true, description: 'Only commitments this institution is responsible for (*institución responsable*), e.g. `MX-GOB-29`.' })
  responsibleInstitutionId?: string | null;

  @Field(() => CommitmentKind, { nullable: true, description: 'Only plan commitments or only proactive ones (*tipo*).' })
  kind?: CommitmentKind | null;

  @Field(() => String, { nullable: true, description: 'Only commitments whose title contains this text, ignoring case and accents (*búsqueda*).' })
  search?: string | null;
}
