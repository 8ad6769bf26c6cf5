import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * The entities of the other subgraphs that participation extends with their public reports (and Commitment with its
 * progress): only their keys here; the owning subgraph decides whether an id exists.
 */

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'An action-plan commitment (*compromiso*), owned by the commitments subgraph; here with its reports and progress.',
})
export class Commitment {
  @Field(() => ID, { description: 'Commitment id, e.g. `MX-TLA-PAL-2016-03`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A local or OGP action plan, owned by the commitments subgraph; here with its reports.' })
export class ActionPlan {
  @Field(() => ID, { description: 'Action plan id, e.g. `MX-TLA-PAL-2016`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A budget program in one fiscal year, owned by the budgets subgraph; here with its reports.' })
export class BudgetProgram {
  @Field(() => ID, { description: 'Budget program id, e.g. `2018:33I005`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A public contract, owned by the budgets subgraph; here with its reports.' })
export class Contract {
  @Field(() => ID, { description: 'Contract id `<ocid>/<contract id>`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A payment or budget measure of a contract, owned by the budgets subgraph; here with its reports.' })
export class Transaction {
  @Field(() => ID, { description: 'Transaction id `<contract id>/<transaction id>`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An archival record (*expediente*), owned by the archives subgraph; here with its reports.' })
export class Record {
  @Field(() => ID, { description: 'Record id `<institution id>/<record code>`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A public institution (*sujeto obligado*), owned by the institutions subgraph; here with its reports.' })
export class Institution {
  @Field(() => ID, { description: 'Institution id, e.g. `MX-GOB-29`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A Mexican state (*entidad federativa*), owned by the institutions subgraph; here with its reports.' })
export class State {
  @Field(() => ID, { description: 'INEGI code, two digits (`29` = Tlaxcala).' })
  id: string;
}

export const stateRef = (id: string): State => ({ id });
