import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Which budget lines to list; all given criteria must hold.' })
export class BudgetLineFilter {
  @Field(() => Int, { nullable: true, description: 'Fiscal year (*ciclo*).' })
  fiscalYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'Budget program id, e.g. `2018:33I005`.' })
  programId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Responsible unit (`MX-CPA-…`) or ramo (`MX-RAMO-…`) institution id.' })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'State INEGI code, e.g. `29`.' })
  stateId?: string | null;

  @Field(() => String, { nullable: true, description: 'Chapter of the object of expenditure (*capítulo*), e.g. `3000`.' })
  chapter?: string | null;
}
