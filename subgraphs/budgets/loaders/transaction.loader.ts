import type { SubgraphContext } from '../../kit/context';
import { loaderByKey, loaderManyBy } from '../../kit/loaders';
import { Transaction } from '../entities/transaction.entity';

export const transactionById = (ctx: SubgraphContext) => loaderByKey(ctx, Transaction);

export const transactionsByContract = (ctx: SubgraphContext) => loaderManyBy(ctx, Transaction, 'contractId');
