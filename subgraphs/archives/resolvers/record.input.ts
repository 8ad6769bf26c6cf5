import { Field, ID, InputType } from 'type-graphql';
import { RecordAccess, RecordPhase } from '../entities/record.entity';

@InputType({ description: 'Narrows a list of records (*expedientes*); all given conditions must hold.' })
export class RecordFilter {
  @Field(() => ID, { nullable: true, description: 'Only records held by this institution (*sujeto obligado*), e.g. `MX-GOB-29`.' })
  institutionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only records of this series (*serie*), e.g. `05C.14`.' })
  seriesCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only records that document this commitment, contract, transaction or budget item (its id). Only PUBLIC records match: the subjects of RESERVED and CONFIDENTIAL records are not disclosed.',
  })
  subjectId?: string | null;

  @Field(() => RecordAccess, { nullable: true, description: 'Only records with this access classification (*clasificación*).' })
  access?: RecordAccess | null;

  @Field(() => RecordPhase, {
    nullable: true,
    description: 'Only records in this life-cycle phase today (*ciclo vital*), derived as in `Record.phase`.',
  })
  phase?: RecordPhase | null;
}
