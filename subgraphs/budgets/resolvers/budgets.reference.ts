import type { ReferenceResolvers } from '../../shared/federated-schema';
import type { SubgraphContext } from '../../shared/context';
import { accountById, allocationById, contractById, lineById, programById, transactionById } from '../loaders';

type Loader = (ctx: SubgraphContext) => { load(id: string): Promise<unknown> };

/** An owned entity resolves through its per-request loader: null for an id this subgraph does not hold. */
function owned(loader: Loader) {
  return { __resolveReference: (reference: Record<string, unknown>, ctx: SubgraphContext) => loader(ctx).load(String(reference.id)) };
}

/** An entity this subgraph only extends answers for any id: the owning subgraph decides whether it exists. */
const extended = { __resolveReference: (reference: Record<string, unknown>) => ({ id: String(reference.id) }) };

export const referenceResolvers: ReferenceResolvers = {
  BudgetProgram: owned(programById),
  BudgetLine: owned(lineById),
  Contract: owned(contractById),
  Transaction: owned(transactionById),
  Allocation: owned(allocationById),
  ProgramAccount: owned(accountById),
  Institution: extended,
  State: extended,
  Commitment: extended,
};
