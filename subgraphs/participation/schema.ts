import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../kit/federated-schema';
import { writeVersion } from './queries/write-version.query';
import { AuditLogResolver } from './resolvers/audit-log.resolver';
import { CommitmentProgressResolver } from './resolvers/commitment-progress.resolver';
import { itemReportsResolvers } from './resolvers/item-reports.resolver';
import { referenceResolvers } from './resolvers/participation.reference';
import { ProgrammeResolver } from './resolvers/programme.resolver';
import { ProgressResolver } from './resolvers/progress.resolver';
import { ProgressMutationsResolver } from './resolvers/progress-mutations.resolver';
import { ReportMutationsResolver } from './resolvers/report-mutations.resolver';
import { ReportResolver } from './resolvers/report.resolver';
import { ActionPlan, BudgetProgram, Commitment, Contract, Institution, Record, State, Transaction } from './entities/federated.stubs';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    subgraph: 'participation',
    resolvers: [
      ReportResolver,
      ...itemReportsResolvers,
      CommitmentProgressResolver,
      ReportMutationsResolver,
      ProgressMutationsResolver,
      AuditLogResolver,
      ProgrammeResolver,
      ProgressResolver,
    ],
    orphanedTypes: [Commitment, ActionPlan, BudgetProgram, Contract, Transaction, Record, Institution, State],
    referenceResolvers,
    writeVersion,
  });
}
