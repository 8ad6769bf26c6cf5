import { Field, ID, InputType, Int } from 'type-graphql';
import { RedFlagCode } from '../entities/red-flag.object';

@InputType({ description: 'Which contracts to list; all given criteria must hold.' })
export class ContractFilter {
  @Field(() => ID, { nullable: true, description: 'Contracts charged to this budget program, e.g. `2017:20P002`.' })
  programId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Buyer institution id, e.g. `MX-CPA-20147`.' })
  buyerId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Fiscal year the contract is charged to.' })
  fiscalYear?: number | null;

  @Field(() => [RedFlagCode], {
    nullable: true,
    description: 'Contracts that raise every one of these red flags (a reason to look, not a verdict; see `Contract.redFlags`).',
  })
  redFlags?: RedFlagCode[] | null;
}
