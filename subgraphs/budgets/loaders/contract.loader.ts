import type { SubgraphContext } from '../../kit/context';
import { loaderByKey, loaderManyBy } from '../../kit/loaders';
import { ContractProgram } from '../entities/contract-program.entity';
import { Contract } from '../entities/contract.entity';

export const contractById = (ctx: SubgraphContext) => loaderByKey(ctx, Contract);

export const linksByContract = (ctx: SubgraphContext) => loaderManyBy(ctx, ContractProgram, 'contractId');

export const linksByProgram = (ctx: SubgraphContext) => loaderManyBy(ctx, ContractProgram, 'programId');

/** Contracts charged to any of the given programs, each once, in id order. */
export async function contractsOfPrograms(ctx: SubgraphContext, programIds: string[]): Promise<Contract[]> {
  const links = (await linksByProgram(ctx).loadMany(programIds)).flatMap((group) => (group instanceof Error ? [] : group));
  const ids = [...new Set(links.map((link) => link.contractId))].sort();
  const contracts = await contractById(ctx).loadMany(ids);
  return contracts.filter((c): c is Contract => c instanceof Contract);
}
