import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * Entities other subgraphs own, to which this one adds `records`. Each carries only its key; the owner
 * decides whether the id exists, so the reference resolvers answer for any id.
 */

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'An action-plan commitment (*compromiso*), owned by the commitments subgraph; archives adds the records that document it.',
})
export class Commitment {
  @Field(() => ID, { description: 'Commitment id, e.g. `MX-TLA-PAL-2016-03`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A contract (*contrato*), owned by the budgets subgraph; archives adds the records that document it.' })
export class Contract {
  @Field(() => ID, { description: 'Contract id `<ocid>/<contract id>`, e.g. `ocds-07smqs-1109/201720005131`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A transaction (*movimiento presupuestario* or payment), owned by the budgets subgraph; archives adds the records that document it.',
})
export class Transaction {
  @Field(() => ID, {
    description:
      'Transaction id `<contract id>/<transaction id>` or, for a federal budget measure, `<contract id>/<program key>/<measure>`, e.g. `ocds-07smqs-1109/201720005131/20P002/Pagado`.',
  })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An institution (*sujeto obligado*), owned by the institutions subgraph; archives adds the records it holds.' })
export class Institution {
  @Field(() => ID, { description: 'Institution id, e.g. `MX-GOB-29`, `MX-CPA-20147`.' })
  id: string;
}
