/** The budgets subgraph's DataLoaders, one file per entity they load. */
export { programById, programLines, programTotals } from './loaders/budget-program.loader';
export { lineById, institutionBudget, stateBudget, institutionLines } from './loaders/budget-line.loader';
export { allocationById, allocationsByCommitment, allocationFunding } from './loaders/allocation.loader';
export { commitmentFunding } from './loaders/commitment.loader';
export { contractById, linksByContract, linksByProgram, contractsOfPrograms } from './loaders/contract.loader';
export { transactionById, transactionsByContract } from './loaders/transaction.loader';
export { accountById, accountsByProgram } from './loaders/program-account.loader';
