import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A public institution (*sujeto obligado*), owned by the institutions subgraph; budgets adds its budget.',
})
export class Institution {
  @Field(() => ID, { description: 'Institution id: `MX-CPA-<ramo><unit>` for a responsible unit, `MX-RAMO-<ramo>` for a ramo.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A federal entity (*entidad federativa*), owned by the institutions subgraph; budgets adds its budget.',
})
export class State {
  @Field(() => ID, { description: 'INEGI code, two digits (`29` = Tlaxcala).' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'An action-plan commitment (*compromiso*), owned by the commitments subgraph; budgets adds its money.',
})
export class Commitment {
  @Field(() => ID, { description: 'Commitment id, e.g. `MX-TLA-PAL-2016-03`.' })
  id: string;
}

export const institutionRef = (id: string): Institution => ({ id });
export const stateRef = (id: string): State => ({ id });
export const commitmentRef = (id: string): Commitment => ({ id });
