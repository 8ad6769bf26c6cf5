import type DataLoader from 'dataloader';
import type { PageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { loaderPageBy } from '../../kit/loaders';
import { ContractSupplier } from '../entities/contract-supplier.entity';
import { Supplier } from '../entities/supplier.object';

/** Suppliers by key, from their contracts' supplier rows: one grouped statement for every key asked at a level. */
export function supplierByKey(ctx: SubgraphContext): DataLoader<string, Supplier | null> {
  return ctx.loaders.get('Supplier.byKey', async (keys: readonly string[]) => {
    const rows: { key: string; name: string | null; contracts: unknown }[] = await ctx.dataSource
      .getRepository(ContractSupplier)
      .createQueryBuilder('s')
      .select('s.supplierKey', 'key')
      .addSelect('MIN(s.name)', 'name')
      .addSelect('COUNT(DISTINCT s.contractId)', 'contracts')
      .where('s.supplierKey IN (:...keys)', { keys: [...keys] })
      .groupBy('s.supplierKey')
      .getRawMany();
    const found = new Map(rows.map((row) => [row.key, row]));
    return keys.map((key) => {
      const row = found.get(key);
      if (!row) return null;
      return Object.assign(new Supplier(), { key, name: row.name, contractCount: Number(row.contracts) });
    });
  });
}

/** A page of each supplier's contract rows, in contract order, for every supplier at a level in two statements. */
export const supplierContracts = (ctx: SubgraphContext, window: PageWindow) => loaderPageBy(ctx, ContractSupplier, 'supplierKey', window);
