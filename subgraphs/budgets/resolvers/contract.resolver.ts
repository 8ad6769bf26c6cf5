import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { BudgetProgram } from '../entities/budget-program.entity';
import { Contract } from '../entities/contract.entity';
import { Transaction } from '../entities/transaction.entity';
import { institutionRef, Institution } from '../entities/federated.stubs';
import { contractById, linksByContract, programById, transactionsByContract } from '../loaders';
import { contractsQuery } from '../queries/contract.query';
import { ContractConnection } from './connections.types';
import { ContractFilter } from './contract.input';

@Resolver(() => Contract)
export class ContractResolver {
  @Query(() => Contract, {
    nullable: true,
    description: 'A contract by id (`<ocid>/<contract id>`, `compranet-<year>/<code>`); null when unknown.',
  })
  contract(@Arg('id', () => ID, { description: 'Contract id.' }) id: string, @Ctx() ctx: SubgraphContext) {
    return contractById(ctx).load(id);
  }

  @Query(() => ContractConnection, { description: 'Contracts (*contratos*) in id order.' })
  contracts(
    @Arg('filter', () => ContractFilter, { nullable: true, description: 'Criteria the contracts must meet.' })
    filter: ContractFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Contract>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(contractsQuery(ctx.dataSource, filter), window);
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description:
      'The buying institution: `MX-CPA-<code>` when the OCDS buyer party is identified in the MX-CPA scheme (federal records, ' +
      "e.g. `MX-CPA-20147`), `MX-RAMO-<ramo>` from the budget ramo INAI's releases state (`MX-RAMO-44`), null for OCDS " +
      "publishers that state neither (Mexico City, Jalisco, GACM); for CompraNet, `MX-CPA-<ramo><unit>` from a federal buying unit's key (`006HKA001` → `MX-CPA-06HKA`), null for " +
      "state and municipal buyers and for a ministry's central units (key unit `000`), which keep only `buyerAsPublished`.",
  })
  buyer(@Root() contract: Contract): Institution | null {
    return contract.buyerId === null ? null : institutionRef(contract.buyerId);
  }

  @FieldResolver(() => [BudgetProgram], {
    description:
      'The budget programs the contract is charged to, in its fiscal year; programs the budget sample does not hold are left out (see `programKeys`).',
  })
  async programs(@Root() contract: Contract, @Ctx() ctx: SubgraphContext): Promise<BudgetProgram[]> {
    const links = await linksByContract(ctx).load(contract.id);
    const programs = await programById(ctx).loadMany(links.map((link) => link.programId));
    return programs.filter((p): p is BudgetProgram => p instanceof BudgetProgram);
  }

  @FieldResolver(() => [Transaction], { description: "The contract's payments or budget measures, in id order." })
  transactions(@Root() contract: Contract, @Ctx() ctx: SubgraphContext): Promise<Transaction[]> {
    return transactionsByContract(ctx).load(contract.id);
  }
}
