import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { ArchivalRecord } from '../entities/record.entity';
import { RecordSubjectKind } from '../entities/record-subject.entity';
import { Transaction } from '../entities/stubs';
import { recordsDocumenting } from '../loaders';

@Resolver(() => Transaction)
export class TransactionResolver {
  @FieldResolver(() => [ArchivalRecord], {
    description: 'Archival records (*expedientes*) that document this transaction, e.g. its payment order (CLC), in id order.',
  })
  records(@Root() transaction: Transaction, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.TRANSACTION, transaction.id);
  }
}
