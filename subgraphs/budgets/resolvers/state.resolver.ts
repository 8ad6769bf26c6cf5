import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { SpendingChain } from '../entities/spending-chain.object';
import { State } from '../entities/federated.stubs';
import { stateBudget } from '../loaders';
import { inPesosOf } from './real-pesos.views';
import { IN_PESOS_OF } from './spending.input';

@Resolver(() => State)
export class StateResolver {
  @FieldResolver(() => SpendingChain, {
    nullable: true,
    description:
      'The federal budget lines located in this state in a fiscal year, summed exactly. Null only while the budgets subgraph is unavailable.',
  })
  async budget(
    @Root() state: State,
    @Arg('fiscalYear', () => Int, { description: 'Fiscal year (*ciclo*).' }) fiscalYear: number,
    @Arg('inPesosOf', () => Int, { nullable: true, description: IN_PESOS_OF }) base: number | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpendingChain> {
    return inPesosOf(ctx, await stateBudget(ctx, state.id, fiscalYear), fiscalYear, base);
  }
}
