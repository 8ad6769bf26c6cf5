import type { SubgraphContext } from '../../kit/context';
import { loaderByKey, loaderManyBy } from '../../kit/loaders';
import { ProgramAccount } from '../entities/program-account.entity';

export const accountById = (ctx: SubgraphContext) => loaderByKey(ctx, ProgramAccount);

export const accountsByProgram = (ctx: SubgraphContext) => loaderManyBy(ctx, ProgramAccount, 'programId');
