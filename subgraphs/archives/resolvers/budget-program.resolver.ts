import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Documentation, paymentsAmong } from '../entities/documentation.object';
import { BudgetProgram, SpendingChain } from '../entities/federated.stubs';
import { documentationOf } from '../loaders';

@Resolver(() => BudgetProgram)
export class BudgetProgramResolver {
  /** Budgets' field, declared with its argument so that `documentation` can require `totals { flags }`. */
  @Directive('@external')
  @FieldResolver(() => SpendingChain, { description: "The program's amounts: exact sums over all its budget lines in the dataset." })
  totals(
    @Root() program: BudgetProgram,
    @Arg('inPesosOf', () => Int, { nullable: true, description: 'Express the amounts in real pesos of this year (*pesos constantes*).' })
    _inPesosOf: number | null,
  ): SpendingChain | null {
    return program.totals ?? null;
  }

  @Directive('@requires(fields: "contracts { id transactions { id moment amount program { id } } } totals { flags }")')
  @FieldResolver(() => Documentation, {
    nullable: true,
    description:
      'Documentation coverage (*cobertura documental*) of the payments (PAID transactions) of its contracts charged to this ' +
      'program, or to no program the dataset holds: the paid pesos documented by a public record of the payment or of its ' +
      "contract. The program's own records do not count, as a record about the whole program proves no given payment. " +
      "Carries its totals' EXERCISED_OVER_MODIFIED, PAID_OVER_EXERCISED and NOTHING_EXERCISED. Null while the budgets or archives subgraph is unavailable.",
  })
  documentation(@Root() program: BudgetProgram, @Ctx() ctx: SubgraphContext): Promise<Documentation> | null {
    if (!program.contracts) return null;
    const payments = program.contracts.flatMap((contract) =>
      paymentsAmong(
        (contract.transactions ?? []).filter((transaction) => !transaction.program || transaction.program.id === program.id),
        () => contract.id,
      ),
    );
    return documentationOf(ctx, payments, program.totals?.flags ?? []);
  }
}
