import type { GraphQLSchema } from 'graphql';
import { SearchResultsResolver } from './resolvers/search-results.resolver';
import { buildFederatedSchema } from '../kit/federated-schema';
import { Commitment, Contract, Institution, Transaction } from './entities/stubs';
import { ClassificationSectionResolver } from './resolvers/classification-section.resolver';
import { ClassificationSeriesResolver } from './resolvers/classification-series.resolver';
import { referenceResolvers } from './resolvers/archives.reference';
import { RecordResolver } from './resolvers/record.resolver';
import {
  CommitmentRecordsResolver,
  ContractRecordsResolver,
  InstitutionRecordsResolver,
  TransactionRecordsResolver,
} from './resolvers/stubs.resolver';

export function buildArchivesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    subgraph: 'archives',
    resolvers: [
      ClassificationSectionResolver,
      ClassificationSeriesResolver,
      RecordResolver,
      CommitmentRecordsResolver,
      ContractRecordsResolver,
      TransactionRecordsResolver,
      InstitutionRecordsResolver,
      SearchResultsResolver,
    ],
    orphanedTypes: [Commitment, Contract, Transaction, Institution],
    referenceResolvers,
  });
}
