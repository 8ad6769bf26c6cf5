import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Completion } from '../../kit/completion';
import { ProgressUpdate } from '../entities/progress-update.entity';
import { Commitment } from '../entities/federated.stubs';
import { completionByCommitment, progressByCommitment } from '../loaders';

@Resolver(() => Commitment)
export class CommitmentProgressResolver {
  @FieldResolver(() => [ProgressUpdate], {
    nullable: true,
    description:
      "The commitment's progress as its state's technical secretariat reports it: every proposed and confirmed update, oldest first. Null only while the participation subgraph is unavailable.",
  })
  progress(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<ProgressUpdate[]> {
    return progressByCommitment(ctx).load(commitment.id);
  }

  @FieldResolver(() => Completion, {
    nullable: true,
    description:
      'The completion of the latest CONFIRMED progress update (IRM scale); null until one is confirmed, or while the participation subgraph is unavailable.',
  })
  async completion(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<Completion | null> {
    return (await completionByCommitment(ctx).load(commitment.id))?.completion ?? null;
  }
}
