import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { Contract } from '../entities/contract.entity';
import { Supplier } from '../entities/supplier.object';
import { contractById } from '../loaders';
import { supplierContracts } from '../loaders/supplier.loader';
import { ContractConnection } from './connections.types';

@Resolver(() => Supplier)
export class SupplierResolver {
  @FieldResolver(() => ContractConnection, {
    description: 'The contracts that name this supplier (*contratos del proveedor*), in id order.',
  })
  async contracts(@Root() supplier: Supplier, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Contract>> {
    const rows = await supplierContracts(ctx, pageWindow(page, ctx.config.maxPageSize)).load(supplier.key);
    const contracts = await contractById(ctx).loadMany(rows.edges.map((edge) => edge.node.contractId));
    const edges = rows.edges.flatMap((edge, i) => {
      const node = contracts[i];
      return node instanceof Contract ? [{ cursor: edge.cursor, node }] : [];
    });
    return { ...rows, edges };
  }
}
