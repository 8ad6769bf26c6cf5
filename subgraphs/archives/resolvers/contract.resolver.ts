import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { ArchivalRecord } from '../entities/record.entity';
import { RecordSubjectKind } from '../entities/record-subject.entity';
import { Contract } from '../entities/stubs';
import { recordsDocumenting } from '../loaders';

@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => [ArchivalRecord], {
    nullable: true,
    description:
      'PUBLIC archival records (*expedientes*) that document this contract, in id order; a RESERVED or CONFIDENTIAL one is not listed, as its subjects are not disclosed. Null only while the archives subgraph is unavailable.',
  })
  records(@Root() contract: Contract, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.CONTRACT, contract.id);
  }
}
