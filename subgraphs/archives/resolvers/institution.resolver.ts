import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { ArchivalRecord } from '../entities/record.entity';
import { Institution } from '../entities/federated.stubs';
import { recordPageOfInstitution } from '../loaders';
import { RecordConnection } from './connections.types';

@Resolver(() => Institution)
export class InstitutionResolver {
  @FieldResolver(() => RecordConnection, {
    nullable: true,
    description:
      'Archival records (*expedientes*) this institution holds, in id order, RESERVED and CONFIDENTIAL ones too: holding a record says that it exists, not what it is about. Null only while the archives subgraph is unavailable.',
  })
  records(@Root() institution: Institution, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<ArchivalRecord>> {
    return recordPageOfInstitution(ctx, pageWindow(page, ctx.config.maxPageSize)).load(institution.id);
  }
}
