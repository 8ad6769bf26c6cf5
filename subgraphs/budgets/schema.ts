import type { GraphQLSchema } from 'graphql';
import { SearchResultsResolver } from './resolvers/search-results.resolver';
import { buildFederatedSchema } from '../kit/federated-schema';
import { Commitment, Institution, State } from './entities/federated.stubs';
// Loaded before the other resolvers so that its Query fields keep their place in the printed schema.
import { SpendingCellResolver, SpendingKeyResolver, SpendingResolver } from './resolvers/spending.resolver';
import { AllocationResolver } from './resolvers/allocation.resolver';
import { BudgetLineResolver } from './resolvers/budget-line.resolver';
import { BudgetProgramResolver } from './resolvers/budget-program.resolver';
import { referenceResolvers } from './resolvers/budgets.reference';
import { CommitmentResolver } from './resolvers/commitment.resolver';
import { ContractResolver } from './resolvers/contract.resolver';
import { EconomicSeriesResolver } from './resolvers/economic-series.resolver';
import { InstitutionResolver } from './resolvers/institution.resolver';
import { ProgramAccountResolver } from './resolvers/program-account.resolver';
import { ProcurementResolver } from './resolvers/procurement.resolver';
import { ProcurementCellFlagsResolver } from './resolvers/procurement-flags.resolver';
import {
  AllocationRedFlagResolver,
  BudgetProgramRedFlagResolver,
  CommitmentRedFlagResolver,
  ContractRedFlagResolver,
  InstitutionRedFlagResolver,
  RedFlagCoverageResolver,
  SupplierRedFlagResolver,
} from './resolvers/red-flag.resolver';
import { PublicAccountsResolver } from './resolvers/public-accounts.resolver';
import { StateResolver } from './resolvers/state.resolver';
import { SupplierResolver } from './resolvers/supplier.resolver';
import { TransactionResolver } from './resolvers/transaction.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    subgraph: 'budgets',
    resolvers: [
      BudgetProgramResolver,
      BudgetLineResolver,
      ContractResolver,
      TransactionResolver,
      AllocationResolver,
      ProgramAccountResolver,
      EconomicSeriesResolver,
      CommitmentResolver,
      InstitutionResolver,
      StateResolver,
      SpendingResolver,
      SpendingKeyResolver,
      SpendingCellResolver,
      PublicAccountsResolver,
      ProcurementResolver,
      ProcurementCellFlagsResolver,
      SearchResultsResolver,
      SupplierResolver,
      RedFlagCoverageResolver,
      ContractRedFlagResolver,
      BudgetProgramRedFlagResolver,
      AllocationRedFlagResolver,
      CommitmentRedFlagResolver,
      InstitutionRedFlagResolver,
      SupplierRedFlagResolver,
    ],
    orphanedTypes: [Institution, State, Commitment],
    referenceResolvers,
  });
}
