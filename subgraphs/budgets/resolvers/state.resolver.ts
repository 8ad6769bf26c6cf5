import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { SpendingChain } from '../entities/spending-chain';
import { State } from '../entities/stubs';
import { stateBudget } from '../loaders';

@Resolver(() => State)
export class StateResolver {
  @FieldResolver(() => SpendingChain, { description: 'The federal budget lines located in this state in a fiscal year, summed exactly.' })
  budget(
    @Root() state: State,
    @Arg('fiscalYear', () => Int, { description: 'Fiscal year (*ciclo*).' }) fiscalYear: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpendingChain> {
    return stateBudget(ctx, state.id, fiscalYear);
  }
}
