import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'Which program accounts (*Cuenta Pública*) to list; all given criteria must hold.' })
export class ProgramAccountFilter {
  @Field(() => Int, { nullable: true, description: 'Fiscal year (*ciclo*).' })
  fiscalYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Ramo code, one or two digits (`33`).' })
  ramo?: string | null;
}
