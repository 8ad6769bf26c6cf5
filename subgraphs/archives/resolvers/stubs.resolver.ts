import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { ArchivalRecord } from '../entities/record.entity';
import { RecordSubjectKind } from '../entities/record-subject.entity';
import { Commitment, Contract, Institution, Transaction } from '../entities/stubs';
import { recordPageOfInstitution, recordsDocumenting } from '../loaders';
import { RecordConnection } from './connections';

@Resolver(() => Commitment)
export class CommitmentRecordsResolver {
  @FieldResolver(() => [ArchivalRecord], {
    nullable: true,
    description:
      'Archival records (*expedientes*) that document this commitment, in id order. Null only while the archives subgraph is unavailable.',
  })
  records(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.COMMITMENT, commitment.id);
  }
}

@Resolver(() => Contract)
export class ContractRecordsResolver {
  @FieldResolver(() => [ArchivalRecord], {
    nullable: true,
    description:
      'Archival records (*expedientes*) that document this contract, in id order. Null only while the archives subgraph is unavailable.',
  })
  records(@Root() contract: Contract, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.CONTRACT, contract.id);
  }
}

@Resolver(() => Transaction)
export class TransactionRecordsResolver {
  @FieldResolver(() => [ArchivalRecord], {
    nullable: true,
    description:
      'Archival records (*expedientes*) that document this transaction, e.g. its payment order (CLC), in id order. Null only while the archives subgraph is unavailable.',
  })
  records(@Root() transaction: Transaction, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.TRANSACTION, transaction.id);
  }
}

@Resolver(() => Institution)
export class InstitutionRecordsResolver {
  @FieldResolver(() => RecordConnection, {
    nullable: true,
    description:
      'Archival records (*expedientes*) this institution holds, in id order. Null only while the archives subgraph is unavailable.',
  })
  records(@Root() institution: Institution, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<ArchivalRecord>> {
    return recordPageOfInstitution(ctx, pageWindow(page, ctx.config.maxPageSize)).load(institution.id);
  }
}
