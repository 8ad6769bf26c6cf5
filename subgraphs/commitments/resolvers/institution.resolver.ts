import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import type { Commitment } from '../entities/commitment.entity';
import { Institution } from '../entities/federated.stubs';
import { commitmentPagesByInstitution } from '../loaders';
import { CommitmentConnection } from './connections.types';

@Resolver(() => Institution)
export class InstitutionResolver {
  @FieldResolver(() => CommitmentConnection, {
    nullable: true,
    description:
      'Commitments this institution is responsible for (*compromisos a su cargo*), in id order. Null only while the commitments subgraph is unavailable.',
  })
  commitments(@Root() institution: Institution, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Commitment>> {
    return commitmentPagesByInstitution(ctx, pageWindow(page, ctx.config.maxPageSize)).load(institution.id);
  }
}
