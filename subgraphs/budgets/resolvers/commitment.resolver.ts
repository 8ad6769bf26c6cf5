import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Allocation } from '../entities/allocation.entity';
import { Contract } from '../entities/contract.entity';
import { SpendingChain } from '../entities/spending-chain.object';
import { Commitment } from '../entities/federated.stubs';
import { Transaction } from '../entities/transaction.entity';
import { allocationsByCommitment, commitmentFunding, contractsOfPrograms, transactionsByContract } from '../loaders';
import { IN_PESOS_OF } from './spending.input';

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => [Allocation], {
    nullable: true,
    description: 'The budget programs allocated to this commitment (*asignaciones*). Null only while the budgets subgraph is unavailable.',
  })
  allocations(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<Allocation[]> {
    return allocationsByCommitment(ctx).load(commitment.id);
  }

  @FieldResolver(() => SpendingChain, {
    nullable: true,
    description:
      "The money behind the commitment: the budget lines of its allocated programs within each allocation's scope " +
      '(same program and, for a state scope, the same state). Null amounts with SCOPE_FINER_THAN_DATA when a scope is a ' +
      'municipality, NO_LINES_IN_SCOPE when no line matches: never a national total passed off as a local one. In real ' +
      "pesos with `inPesosOf`, each fiscal year's lines deflated by their own year's index. Null only while the budgets subgraph is unavailable.",
  })
  funding(
    @Root() commitment: Commitment,
    @Arg('inPesosOf', () => Int, { nullable: true, description: IN_PESOS_OF }) base: number | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpendingChain> {
    return commitmentFunding(ctx, commitment.id, base ?? null);
  }

  @FieldResolver(() => [Contract], {
    nullable: true,
    description:
      'Contracts charged to an allocated program in its fiscal year (contracts carry no state, so this is not narrowed to the scope). Null only while the budgets subgraph is unavailable.',
  })
  async contracts(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<Contract[]> {
    const allocations = await allocationsByCommitment(ctx).load(commitment.id);
    return contractsOfPrograms(ctx, [...new Set(allocations.map((a) => a.programId))]);
  }

  @FieldResolver(() => [Transaction], {
    nullable: true,
    description:
      'The transactions of those contracts charged to an allocated program (or to no stated program). Null only while the budgets subgraph is unavailable.',
  })
  async transactions(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<Transaction[]> {
    const allocations = await allocationsByCommitment(ctx).load(commitment.id);
    const programs = new Set(allocations.map((a) => a.programId));
    const contracts = await contractsOfPrograms(ctx, [...programs]);
    const groups = await transactionsByContract(ctx).loadMany(contracts.map((c) => c.id));
    return groups
      .flatMap((group) => (group instanceof Error ? [] : group))
      .filter((t) => t.programId === null || programs.has(t.programId));
  }
}
