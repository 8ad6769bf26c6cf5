import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetProgram } from '../entities/budget-program.entity';
import { institutionRef, Institution, stateRef, State } from '../entities/federated.stubs';
import { lineById, programById } from '../loaders';
import { budgetLinesQuery } from '../queries/budget-line.query';
import { BudgetLineFilter } from './budget-line.input';
import { BudgetLineConnection } from './connections.types';

@Resolver(() => BudgetLine)
export class BudgetLineResolver {
  @Query(() => BudgetLine, { nullable: true, description: 'A budget line by id; null when unknown.' })
  budgetLine(@Arg('id', () => ID, { description: 'Budget line id.' }) id: string, @Ctx() ctx: SubgraphContext) {
    return lineById(ctx).load(id);
  }

  @Query(() => BudgetLineConnection, { description: 'Budget lines (*renglones del presupuesto*) in id order.' })
  budgetLines(
    @Arg('filter', () => BudgetLineFilter, { nullable: true, description: 'Criteria the lines must meet.' })
    filter: BudgetLineFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<BudgetLine>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(budgetLinesQuery(ctx.dataSource, filter), window);
  }

  @FieldResolver(() => BudgetProgram, { description: 'The budget program (*programa presupuestario*) of this line.' })
  async program(@Root() line: BudgetLine, @Ctx() ctx: SubgraphContext): Promise<BudgetProgram> {
    const program = await programById(ctx).load(line.programId);
    if (!program) throw new Error(`Budget line ${line.id} names program ${line.programId}, which was not imported`);
    return program;
  }

  @FieldResolver(() => Institution, {
    description: 'The responsible unit (*unidad responsable*) as an institution, `MX-CPA-<ramo><unit>`.',
  })
  institution(@Root() line: BudgetLine): Institution {
    return institutionRef(line.institutionId);
  }

  @FieldResolver(() => State, {
    nullable: true,
    description: 'The state the money is spent in; null abroad or when not geographically distributable (see `geography`).',
  })
  state(@Root() line: BudgetLine): State | null {
    return line.stateId === null ? null : stateRef(line.stateId);
  }
}
