import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { BudgetProgram } from '../entities/budget-program.entity';
import { Contract } from '../entities/contract.entity';
import { Transaction } from '../entities/transaction.entity';
import { contractById, programById, transactionById } from '../loaders';

@Resolver(() => Transaction)
export class TransactionResolver {
  @Query(() => Transaction, { nullable: true, description: 'A transaction by id; null when unknown.' })
  transaction(@Arg('id', () => ID, { description: 'Transaction id.' }) id: string, @Ctx() ctx: SubgraphContext) {
    return transactionById(ctx).load(id);
  }

  @FieldResolver(() => Contract, { description: 'The contract this transaction belongs to.' })
  async contract(@Root() transaction: Transaction, @Ctx() ctx: SubgraphContext): Promise<Contract> {
    const contract = await contractById(ctx).load(transaction.contractId);
    if (!contract) throw new Error(`Transaction ${transaction.id} names contract ${transaction.contractId}, which was not imported`);
    return contract;
  }

  @FieldResolver(() => BudgetProgram, {
    nullable: true,
    description: 'The budget program charged; null when the budget sample holds no line of it.',
  })
  program(@Root() transaction: Transaction, @Ctx() ctx: SubgraphContext): Promise<BudgetProgram | null> | null {
    return transaction.programId === null ? null : programById(ctx).load(transaction.programId);
  }
}
