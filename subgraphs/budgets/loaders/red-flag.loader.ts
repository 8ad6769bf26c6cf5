import type { SubgraphContext } from '../../kit/context';
import { groupInKeyOrder } from '../../kit/loaders';
import { otherDirectAwards } from '../queries/direct-awards.query';
import { BY_BUYER, BY_SUPPLIER, coverageByGroup } from '../queries/red-flag.query';

/** The other direct awards that raise each contract's REPEATED_DIRECT_AWARD, for every contract asked at a level in one statement. */
export const otherDirectAwardsOf = (ctx: SubgraphContext) =>
  ctx.loaders.get('RedFlag.otherDirectAwards', async (ids: readonly string[]) => {
    const others = await otherDirectAwards(ctx.dataSource, ids, ctx.config.redFlags.repeatWindowDays);
    return groupInKeyOrder(ids, others, (award) => award.contractId);
  });

const byGroup = (ctx: SubgraphContext, name: string, grouping: typeof BY_BUYER) =>
  ctx.loaders.get(`RedFlagCoverage.by.${name}`, async (keys: readonly string[]) => {
    const groups = await coverageByGroup(ctx.dataSource, grouping, keys);
    return keys.map((key) => groups.get(key) ?? { contracts: 0, counts: {} });
  });

/** Each buyer institution's contracts and their flags counted, for every buyer asked at a level in one statement. */
export const redFlagsByBuyer = (ctx: SubgraphContext) => byGroup(ctx, 'buyer', BY_BUYER);

/** Each supplier's contracts and their flags counted, for every supplier asked at a level in one statement. */
export const redFlagsBySupplier = (ctx: SubgraphContext) => byGroup(ctx, 'supplier', BY_SUPPLIER);
