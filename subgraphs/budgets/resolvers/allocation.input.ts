import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Which allocations to list; all given criteria must hold.' })
export class AllocationFilter {
  @Field(() => ID, { nullable: true, description: 'Commitment id, e.g. `MX-TLA-PAL-2016-03`.' })
  commitmentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Budget program id, e.g. `2018:33I005`.' })
  programId?: string | null;
}
