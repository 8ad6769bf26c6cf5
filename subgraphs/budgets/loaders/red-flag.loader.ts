import type { SubgraphContext } from '../../kit/context';
import { loaderManyBy } from '../../kit/loaders';
import { ContractRedFlag } from '../entities/contract-red-flag.entity';

/** The stored checks of each contract, for every contract asked at a level in one statement. */
export const redFlagsByContract = (ctx: SubgraphContext) => loaderManyBy(ctx, ContractRedFlag, 'contractId');
