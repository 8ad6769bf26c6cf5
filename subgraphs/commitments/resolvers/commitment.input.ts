import { Field, ID, InputType } from 'type-graphql';
import { CommitmentKind, CommitmentStage, CommitmentTheme } from '../entities/commitment.enums';

@InputType({ description: 'Narrows a list of commitments (*compromisos*); all given conditions must hold.' })
export class CommitmentFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      'Only commitments of plans of this state (INEGI code, e.g. `29`): its local plans and, for a state that is an OGP member such as Jalisco (`14`), its OGP plans.',
  })
  stateId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only commitments of this action plan, e.g. `MX-TLA-PAL-2016`, or of this OGP action plan, e.g. `OGP-MXJL-2`.',
  })
  actionPlanId?: string | null;

  @Field(() => CommitmentTheme, { nullable: true, description: 'Only commitments pursuing this aim of the joint declaration (*eje*).' })
  theme?: CommitmentTheme | null;

  @Field(() => CommitmentStage, { nullable: true, description: 'Only commitments at this step of the five-step model (*etapa*).' })
  stage?: CommitmentStage | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only commitments this institution is responsible for (*institución responsable*), e.g. `MX-GOB-29`.',
  })
  responsibleInstitutionId?: string | null;

  @Field(() => CommitmentKind, {
    nullable: true,
    description: 'Only local plan commitments, only proactive ones, or only OGP ones (*tipo*).',
  })
  kind?: CommitmentKind | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only OGP commitments of this member, by the code the IRM dataset gives it: a country (`UKR`) or a locality (`MXJL`, Jalisco).',
  })
  country?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only OGP commitments the Independent Reporting Mechanism (IRM) starred (true) or rated and did not star (false); commitments it never rated match neither.',
  })
  starred?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only commitments whose title contains this text, ignoring case and accents (*búsqueda*).',
  })
  search?: string | null;
}
