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
    description:
      'PUBLIC archival records (*expedientes*) that document this commitment, in id order; a RESERVED or CONFIDENTIAL one is not listed, as its subjects are not disclosed.',
  })
  records(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.COMMITMENT, commitment.id);
  }
}

@Resolver(() => Contract)
export class ContractRecordsResolver {
  @FieldResolver(() => [ArchivalRecord], {
    description:
      'PUBLIC archival records (*expedientes*) that document this contract, in id order; a RESERVED or CONFIDENTIAL one is not listed, as its subjects are not disclosed.',
  })
  records(@Root() contract: Contract, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.CONTRACT, contract.id);
  }
}

@Resolver(() => Transaction)
export class TransactionRecordsResolver {
  @FieldResolver(() => [ArchivalRecord], {
    description:
      'PUBLIC archival records (*expedientes*) that document this transaction, e.g. its payment order (CLC), in id order; a RESERVED or CONFIDENTIAL one is not listed, as its subjects are not disclosed.',
  })
  records(@Root() transaction: Transaction, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.TRANSACTION, transaction.id);
  }
}

@Resolver(() => Institution)
export class InstitutionRecordsResolver {
  @FieldResolver(() => RecordConnection, {
    description:
      'Archival records (*expedientes*) this institution holds, in id order, RESERVED and CONFIDENTIAL ones too: holding a record says that it exists, not what it is about.',
  })
  records(@Root() institution: Institution, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<ArchivalRecord>> {
    return recordPageOfInstitution(ctx, pageWindow(page, ctx.config.maxPageSize)).load(institution.id);
  }
}
