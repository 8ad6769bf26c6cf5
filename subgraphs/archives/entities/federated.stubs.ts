import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../kit/money';
import { SpendingFlag, SpendingMoment } from '../../kit/spending';

/*
 * Entities other subgraphs own, to which this one adds `records` and `documentation`. Each carries its key; the owner
 * decides whether the id exists, so the reference resolvers answer for any id. The `@external` fields are the
 * budgets subgraph's, declared here only so that `documentation` can `@requires` them: the gateway fetches them from
 * budgets and sends them along with the key, and this subgraph never resolves them itself. SpendingChain, which archives
 * adds nothing to, carries the budgets subgraph's description word for word, since composition keeps only one.
 */

@ObjectType({
  description:
    'The budget moments (*momentos contables del gasto*) of a set of budget lines, summed exactly. A moment is null ' +
    'when no line in scope has a figure for it (the source publishes only some moments per year), never a guessed zero.',
})
export class SpendingChain {
  @Directive('@external')
  @Field(() => [SpendingFlag], { description: 'Caveats about these figures (see SpendingFlag).' })
  flags: SpendingFlag[];
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A federal budget program (*programa presupuestario*) in one fiscal year, owned by the budgets subgraph; archives adds how well its payments are documented.',
})
export class BudgetProgram {
  @Field(() => ID, { description: 'Stable id `<fiscal year>:<ramo 2 digits><modality><program 3 digits>`, e.g. `2018:33I005` (FORTAMUN).' })
  id: string;

  @Directive('@external')
  @Field(() => [Contract], { description: 'Contracts whose budget breakdown names this program in this fiscal year.' })
  contracts: Contract[];

  /** The program's spending chain as the gateway sent it (`totals { flags }`, in pesos as published). */
  totals?: SpendingChain | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A contract (*contrato*), owned by the budgets subgraph; archives adds the records that document it and how well its payments are.',
})
export class Contract {
  @Field(() => ID, { description: 'Contract id `<ocid>/<contract id>`, e.g. `ocds-07smqs-1109/201720005131`.' })
  id: string;

  @Directive('@external')
  @Field(() => [Transaction], { description: "The contract's transactions (*transacciones*): payments and budget measures." })
  transactions: Transaction[];
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

  @Directive('@external')
  @Field(() => SpendingMoment, { description: 'Which budget moment this records; payments are PAID (*pagado*).' })
  moment: SpendingMoment;

  @Directive('@external')
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Amount (*importe*) in MXN; null when the source gives none or another currency.',
  })
  /** As the gateway sends it: the Money decimal text, not yet parsed. */
  amount: string | null;

  @Directive('@external')
  @Field(() => Contract, { description: 'The contract (*contrato*) the transaction belongs to.' })
  contract: Contract;

  @Directive('@external')
  @Field(() => BudgetProgram, {
    nullable: true,
    description: 'The budget program charged; null when the budget sample holds no line of it.',
  })
  program: BudgetProgram | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An action-plan commitment (*compromiso*), owned by the commitments subgraph; archives adds the records that document it and how well its payments are.',
})
export class Commitment {
  @Field(() => ID, { description: 'Commitment id, e.g. `MX-TLA-PAL-2016-03`.' })
  id: string;

  @Directive('@external')
  @Field(() => [Transaction], {
    nullable: true,
    description: 'The transactions of the contracts charged to its allocated programs (budgets subgraph).',
  })
  transactions: Transaction[] | null;

  /** The commitment's funding chain as the gateway sent it (`funding { flags }`, in pesos as published). */
  funding?: SpendingChain | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An institution (*sujeto obligado*), owned by the institutions subgraph; archives adds the records it holds.' })
export class Institution {
  @Field(() => ID, { description: 'Institution id, e.g. `MX-GOB-29`, `MX-CPA-20147`.' })
  id: string;
}
