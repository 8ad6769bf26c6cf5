import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { ArchivalRecord } from '../entities/record.entity';
import { RecordSubjectKind } from '../entities/record-subject.entity';
import { Transaction } from '../entities/federated.stubs';
import { recordsDocumenting } from '../loaders';

@Resolver(() => Transaction)
export class TransactionResolver {
  @FieldResolver(() => [ArchivalRecord], {
    nullable: true,
    description:
      'PUBLIC archival records (*expedientes*) that document this transaction, e.g. its payment order (CLC), in id order; a RESERVED or CONFIDENTIAL one is not listed, as its subjects are not disclosed. Null only while the archives subgraph is unavailable.',
  })
  records(@Root() transaction: Transaction, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.TRANSACTION, transaction.id);
  }
}
