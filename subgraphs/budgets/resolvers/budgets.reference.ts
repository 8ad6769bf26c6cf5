import { extendedReference as extended, ownedReference as owned, type ReferenceResolvers } from '../../kit/references';
import { accountById, allocationById, contractById, lineById, programById, transactionById } from '../loaders';

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
