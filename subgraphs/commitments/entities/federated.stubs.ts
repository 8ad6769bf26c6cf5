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

/** The institutions subgraph owns `State`; this subgraph adds `actionPlans` to it. */
@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A Mexican state (*entidad federativa*), owned by the institutions subgraph; here with its local action plans.',
})
export class State {
  @Field(() => ID, { description: 'INEGI code of the state, two digits, e.g. `29` (Tlaxcala).' })
  id: string;
}
