import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { RedFlagCoverage } from '../entities/red-flag.object';
import { cellKeyOf, procurementFlagCounts, procurementSupplierValues, type ProcurementScope } from '../queries/procurement-flags.query';
import { ProcurementCell } from './procurement.types';
import { coverageOf } from './red-flag.views';

@ObjectType({
  description:
    'How concentrated a cell’s value is among its suppliers (*concentración de proveedores*), in its one currency: the ' +
    'Herfindahl–Hirschman index. Grouped by BUYER, it says whether a buying unit gives most of its money to few suppliers.',
})
export class SupplierConcentration {
  @Field(() => Float, {
    description:
      'Herfindahl–Hirschman index: the sum of the squared percentage shares of each supplier in the value, from near 0 (many ' +
      'small suppliers) to 10,000 (one supplier). A contract won by several suppliers counts its value for each.',
  })
  hhi: number;

  @Field(() => Int, { description: 'Suppliers with a share of the value.' })
  suppliers: number;

  @Field(() => Float, { description: 'Share of the value (0 to 1) of the supplier with the most.' })
  topSupplierShare: number;
}

/** The HHI from exact values: Σ (vᵢ / V × 100)², computed in integers and divided once. */
export function concentrationOf(values: Iterable<bigint>): SupplierConcentration | null {
  const list = [...values].filter((value) => value > 0n);
  const total = list.reduce((sum, value) => sum + value, 0n);
  if (total === 0n) return null;
  const scale = 1_000_000n;
  const squares = list.reduce((sum, value) => sum + value * value, 0n);
  const top = [...list].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))[0];
  return {
    hhi: Number((squares * 10_000n * scale) / (total * total)) / Number(scale),
    suppliers: list.length,
    topSupplierShare: Number((top * scale) / total) / Number(scale),
  };
}

const scopeKey = (scope: ProcurementScope) => JSON.stringify(scope);

/** A cell's key among its aggregate's, as the per-aggregate loaders index them. */
const keyOfCell = (cell: ProcurementCell) =>
  cellKeyOf({
    year: cell.key.year,
    buyerId: cell.key.buyer?.id ?? null,
    supplierKey: cell.key.supplierKey,
    procedure: cell.key.procedure,
    programId: cell.key.programId,
    currency: cell.key.currency,
  });

@Resolver(() => ProcurementCell)
export class ProcurementCellFlagsResolver {
  @FieldResolver(() => [RedFlagCoverage], {
    description:
      'The red flags of the cell’s contracts: per flag, how many could be checked, how many raise it and the share (raised / checked). ' +
      'One statement for every cell of the page. A flag is a reason to look, not a verdict.',
  })
  async redFlags(@Root() cell: ProcurementCell, @Ctx() ctx: SubgraphContext): Promise<RedFlagCoverage[]> {
    const loader = ctx.loaders.get(`ProcurementCell.redFlags.${scopeKey(cell.scope)}`, async (keys: readonly string[]) => {
      const counts = await procurementFlagCounts(ctx.dataSource.manager, cell.scope);
      return keys.map((key) => counts.get(key) ?? {});
    });
    return coverageOf(cell.contractCount, await loader.load(keyOfCell(cell)), ctx.config.redFlags);
  }

  @FieldResolver(() => SupplierConcentration, {
    nullable: true,
    description:
      'Supplier concentration of the cell’s value in its currency (Herfindahl–Hirschman index); null when no contract of the cell ' +
      'states a value and a supplier. Group by BUYER for each buying institution’s concentration.',
  })
  async supplierConcentration(@Root() cell: ProcurementCell, @Ctx() ctx: SubgraphContext): Promise<SupplierConcentration | null> {
    const loader = ctx.loaders.get(`ProcurementCell.suppliers.${scopeKey(cell.scope)}`, async (keys: readonly string[]) => {
      const values = await procurementSupplierValues(ctx.dataSource.manager, cell.scope);
      return keys.map((key) => concentrationOf(values.get(key)?.values() ?? []));
    });
    return loader.load(keyOfCell(cell));
  }
}
