import { Args, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { pageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { TargetType } from '../entities/participation.enums';
import { ActionPlan, BudgetProgram, Commitment, Contract, Institution, Record, State, Transaction } from '../entities/federated.stubs';
import { reportsOfTargets } from '../loaders';
import { ReportConnection } from './payloads.types';
import { ItemReportsArgs } from './report.input';

/** `reports` on one extended type: its public reports, batched over every item of the type a request asks for. */
function itemReportsResolver(type: ClassType<{ id: string }>, targetType: TargetType): Function {
  @Resolver(() => type)
  class ItemReportsResolver {
    @FieldResolver(() => ReportConnection, {
      nullable: true,
      description:
        'Public reports about this item or one of its fields (*reportes ciudadanos*), oldest first; hidden ones are not listed. Null only while the participation subgraph is unavailable.',
    })
    reports(@Root() item: { id: string }, @Args() args: ItemReportsArgs, @Ctx() ctx: SubgraphContext) {
      return reportsOfTargets(ctx, targetType, pageWindow(args, ctx.config.maxPageSize), args.status ?? null).load(item.id);
    }
  }
  return ItemReportsResolver;
}

export const itemReportsResolvers = [
  itemReportsResolver(Commitment, TargetType.COMMITMENT),
  itemReportsResolver(ActionPlan, TargetType.ACTION_PLAN),
  itemReportsResolver(BudgetProgram, TargetType.BUDGET_PROGRAM),
  itemReportsResolver(Contract, TargetType.CONTRACT),
  itemReportsResolver(Transaction, TargetType.TRANSACTION),
  itemReportsResolver(Record, TargetType.RECORD),
  itemReportsResolver(Institution, TargetType.INSTITUTION),
  itemReportsResolver(State, TargetType.STATE),
];
