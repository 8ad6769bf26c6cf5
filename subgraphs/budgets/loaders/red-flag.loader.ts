import type { SubgraphContext } from '../../kit/context';
import { loaderManyBy } from '../../kit/loaders';
import { ContractRedFlag } from '../entities/contract-red-flag.entity';
import { BY_BUYER, BY_SUPPLIER, coverageByGroup } from '../queries/red-flag.query';

/** The stored checks of each contract, for every contract asked at a level in one statement. */
export const redFlagsByContract = (ctx: SubgraphContext) => loaderManyBy(ctx, ContractRedFlag, 'contractId');

const byGroup = (ctx: SubgraphContext, name: string, grouping: typeof BY_BUYER) =>
  ctx.loaders.get(`RedFlagCoverage.by.${name}`, async (keys: readonly string[]) => {
    const groups = await coverageByGroup(ctx.dataSource, grouping, keys);
    return keys.map((key) => groups.get(key) ?? { contracts: 0, counts: {} });
  });

/** Each buyer institution's contracts and their checks counted, for every buyer asked at a level in two statements. */
export const redFlagsByBuyer = (ctx: SubgraphContext) => byGroup(ctx, 'buyer', BY_BUYER);

/** Each supplier's contracts and their checks counted, for every supplier asked at a level in two statements. */
export const redFlagsBySupplier = (ctx: SubgraphContext) => byGroup(ctx, 'supplier', BY_SUPPLIER);
