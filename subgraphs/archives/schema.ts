import type { GraphQLSchema } from 'graphql';
import { SearchResultsResolver } from './resolvers/search-results.resolver';
import { buildFederatedSchema } from '../kit/federated-schema';
import { BudgetProgram, Commitment, Contract, Institution, Transaction } from './entities/federated.stubs';
import { BudgetProgramResolver } from './resolvers/budget-program.resolver';
import { ClassificationSectionResolver } from './resolvers/classification-section.resolver';
import { ClassificationSeriesResolver } from './resolvers/classification-series.resolver';
import { referenceResolvers } from './resolvers/archives.reference';
import { RecordResolver } from './resolvers/record.resolver';
import { CommitmentResolver } from './resolvers/commitment.resolver';
import { ContractResolver } from './resolvers/contract.resolver';
import { InstitutionResolver } from './resolvers/institution.resolver';
import { TransactionResolver } from './resolvers/transaction.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    subgraph: 'archives',
    resolvers: [
      ClassificationSectionResolver,
      ClassificationSeriesResolver,
      RecordResolver,
      CommitmentResolver,
      BudgetProgramResolver,
      ContractResolver,
      TransactionResolver,
      InstitutionResolver,
      SearchResultsResolver,
    ],
    orphanedTypes: [Commitment, Contract, Transaction, BudgetProgram, Institution],
    referenceResolvers,
  });
}
