import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The institutions subgraph owns `Institution`; this subgraph adds `commitments` to it. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A public institution (*sujeto obligado*), owned by the institutions subgraph; here with the commitments it is responsible for.',
})
export class Institution {
  @Field(() => ID, { description: 'Stable institution id, e.g. `MX-GOB-29` (the executive of Tlaxcala).' })
  id: string;
}
