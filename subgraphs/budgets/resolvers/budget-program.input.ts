import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'Which budget programs to list; all given criteria must hold.' })
export class BudgetProgramFilter {
  @Field(() => Int, { nullable: true, description: 'Fiscal year (*ciclo*).' })
  fiscalYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Ramo code, one or two digits (`33`).' })
  ramo?: string | null;

  @Field(() => String, { nullable: true, description: 'Modality letter (*modalidad*), e.g. `I`.' })
  modality?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the program name or key, case-insensitive.' })
  search?: string | null;
}
