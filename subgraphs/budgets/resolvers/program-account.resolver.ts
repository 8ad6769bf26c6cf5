import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { BudgetProgram } from '../entities/budget-program.entity';
import { ProgramAccount } from '../entities/program-account.entity';
import { accountById, programById } from '../loaders';
import { programAccountsQuery } from '../queries/program-account.query';
import { ProgramAccountConnection } from './connections.types';
import { ProgramAccountFilter } from './program-account.input';

@Resolver(() => ProgramAccount)
export class ProgramAccountResolver {
  @Query(() => ProgramAccount, { nullable: true, description: 'A program account by id (`2018:33:I005`); null when unknown.' })
  programAccount(@Arg('id', () => ID, { description: 'Program account id.' }) id: string, @Ctx() ctx: SubgraphContext) {
    return accountById(ctx).load(id);
  }

  @Query(() => ProgramAccountConnection, { description: 'Program accounts of the federal *Cuenta Pública*, in id order.' })
  programAccounts(
    @Arg('filter', () => ProgramAccountFilter, { nullable: true, description: 'Criteria the accounts must meet.' })
    filter: ProgramAccountFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ProgramAccount>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(programAccountsQuery(ctx.dataSource, filter), window);
  }

  @FieldResolver(() => BudgetProgram, {
    nullable: true,
    description: 'The budget program with this key and year; null when the budget sample holds no line of it.',
  })
  program(@Root() account: ProgramAccount, @Ctx() ctx: SubgraphContext): Promise<BudgetProgram | null> {
    return programById(ctx).load(account.programId);
  }
}
