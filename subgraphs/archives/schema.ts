import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../shared/federated-schema';
import { Commitment, Contract, Institution, Transaction } from './entities/stubs';
import { ClassificationSectionResolver } from './resolvers/classification-section.resolver';
import { resolveClassificationSeries } from './resolvers/classification-series.reference';
import { ClassificationSeriesResolver } from './resolvers/classification-series.resolver';
import { resolveRecord } from './resolvers/record.reference';
import { RecordResolver } from './resolvers/record.resolver';
import { resolveStub } from './resolvers/stubs.reference';
import {
  CommitmentRecordsResolver,
  ContractRecordsResolver,
  InstitutionRecordsResolver,
  TransactionRecordsResolver,
} from './resolvers/stubs.resolver';

export function buildArchivesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      ClassificationSectionResolver,
      ClassificationSeriesResolver,
      RecordResolver,
      CommitmentRecordsResolver,
      ContractRecordsResolver,
      TransactionRecordsResolver,
      InstitutionRecordsResolver,
    ],
    orphanedTypes: [Commitment, Contract, Transaction, Institution],
    referenceResolvers: {
      ClassificationSeries: { __resolveReference: resolveClassificationSeries },
      Record: { __resolveReference: resolveRecord },
      Commitment: { __resolveReference: resolveStub },
      Contract: { __resolveReference: resolveStub },
      Transaction: { __resolveReference: resolveStub },
      Institution: { __resolveReference: resolveStub },
    },
  });
}
