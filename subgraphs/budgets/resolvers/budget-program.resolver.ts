import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { ramoId } from '../../kit/ids';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetProgram } from '../entities/budget-program.entity';
import { Contract } from '../entities/contract.entity';
import { ProgramAccount } from '../entities/program-account.entity';
import { SpendingChain } from '../entities/spending-chain.object';
import { institutionRef, Institution } from '../entities/federated.stubs';
import { accountsByProgram, contractsOfPrograms, programById, programLines, programTotals } from '../loaders';
import { budgetProgramsQuery } from '../queries/budget-program.query';
import { BudgetProgramFilter } from './budget-program.input';
import { inPesosOf } from './real-pesos.views';
import { IN_PESOS_OF } from './spending.input';
import { BudgetLineConnection, BudgetProgramConnection } from './connections.types';

@Resolver(() => BudgetProgram)
export class BudgetProgramResolver {
  @Query(() => BudgetProgram, {
    nullable: true,
    description: 'A budget program by id (`2018:33I005`); null when the dataset holds no line of it.',
  })
  budgetProgram(@Arg('id', () => ID, { description: 'Program id `<year>:<key>`.' }) id: string, @Ctx() ctx: SubgraphContext) {
    return programById(ctx).load(id);
  }

  @Query(() => BudgetProgramConnection, { description: 'Budget programs (*programas presupuestarios*) in id order.' })
  budgetPrograms(
    @Arg('filter', () => BudgetProgramFilter, { nullable: true, description: 'Criteria the programs must meet.' })
    filter: BudgetProgramFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<BudgetProgram>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(budgetProgramsQuery(ctx.dataSource, filter), window);
  }

  @FieldResolver(() => Institution, { description: 'The ramo as an institution (`MX-RAMO-<ramo>`).' })
  institution(@Root() program: BudgetProgram): Institution {
    return institutionRef(ramoId(program.ramoCode));
  }

  @FieldResolver(() => SpendingChain, { description: "The program's amounts: exact sums over all its budget lines in the dataset." })
  async totals(
    @Root() program: BudgetProgram,
    @Arg('inPesosOf', () => Int, { nullable: true, description: IN_PESOS_OF }) base: number | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpendingChain> {
    return inPesosOf(ctx, await programTotals(ctx).load(program.id), program.fiscalYear, base);
  }

  @FieldResolver(() => BudgetLineConnection, { description: "The program's budget lines, in id order." })
  lines(@Root() program: BudgetProgram, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<BudgetLine>> {
    return programLines(ctx, pageWindow(page, ctx.config.maxPageSize)).load(program.id);
  }

  @FieldResolver(() => [Contract], { description: 'Contracts whose budget breakdown names this program in this fiscal year.' })
  contracts(@Root() program: BudgetProgram, @Ctx() ctx: SubgraphContext): Promise<Contract[]> {
    return contractsOfPrograms(ctx, [program.id]);
  }

  @FieldResolver(() => ProgramAccount, {
    nullable: true,
    description:
      "The program's public account (*Cuenta Pública*) for the same fiscal year and key: complete year-end figures, unlike " +
      'the sampled `totals`. Null when the loaded accounts hold none, and when the account is published per body ' +
      '(ramos 01 and 03: chambers, courts) so that several accounts share the key; list those with `programAccounts`.',
  })
  async publicAccount(@Root() program: BudgetProgram, @Ctx() ctx: SubgraphContext): Promise<ProgramAccount | null> {
    const accounts = await accountsByProgram(ctx).load(program.id);
    return accounts.length === 1 ? accounts[0] : null;
  }
}
