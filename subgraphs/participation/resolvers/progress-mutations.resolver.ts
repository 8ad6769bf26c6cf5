import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../../common/errors';
import { requireHolder } from '../auth/request-identity';
import { ProgressState } from '../entities/participation.enums';
import { type Evidence, ProgressUpdate } from '../entities/progress-update.entity';
import { checkText, checkUrl, LIMITS } from '../writes/limits';
import { checkMayConfirm, checkMayPropose } from '../writes/progress-rules';
import { commitmentState, isRecordId } from '../writes/targets';
import { write } from '../writes/write';
import { ProgressPayload } from './payloads.types';
import { type EvidenceInput, ProgressInput } from './report.input';
import { actorColumns } from './report-mutations.resolver';

function checkEvidence(evidence: EvidenceInput[]): Evidence[] {
  if (evidence.length > LIMITS.evidence) throw badUserInput(`evidence holds at most ${LIMITS.evidence} items`, 'evidence');
  return evidence.map((item) => {
    const recordId = item.recordId ?? null;
    const url = item.url ?? null;
    if ((recordId === null) === (url === null)) throw badUserInput('each evidence item has exactly one of recordId and url', 'evidence');
    if (recordId !== null && !isRecordId(recordId)) {
      throw badUserInput(`"${recordId.slice(0, 80)}" is not a Record id (e.g. \`MX-CPA-20147/05C.14/5131/2017\`)`, 'evidence.recordId');
    }
    return { recordId, url: url === null ? null : checkUrl(url) };
  });
}

const reload = (ctx: SubgraphContext, key: number) => ctx.dataSource.getRepository(ProgressUpdate).findOneByOrFail({ key });

@Resolver()
export class ProgressMutationsResolver {
  @Mutation(() => ProgressPayload, {
    description:
      "Proposes a commitment's progress (*reportar avance*): a member of its state's technical secretariat. It counts once a member of another sector confirms it.",
  })
  async proposeProgress(
    @Arg('commitmentId', () => ID, { description: 'The commitment, e.g. `MX-TLA-PAL-2016-03` (its state from the id).' })
    commitmentId: string,
    @Arg('input', () => ProgressInput, { description: 'The progress.' }) input: ProgressInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProgressPayload> {
    const identity = await requireHolder(ctx, 'report progress');
    const stateId = commitmentState(commitmentId);
    checkMayPropose(identity, stateId);
    const note = checkText(input.note, LIMITS.note, 'note');
    const evidence = checkEvidence(input.evidence);
    const { idempotencyKey, ...args } = input;
    const key = await write(ctx, {
      action: 'proposeProgress',
      identity,
      args: { commitmentId, ...args },
      inputKey: idempotencyKey,
      async run(manager, at) {
        const update = manager.getRepository(ProgressUpdate).create({
          commitmentId,
          stateId,
          completion: input.completion,
          note,
          evidence,
          proposer: actorColumns(identity),
          confirmer: actorColumns({ kind: 'anonymous', client: '' }),
          state: ProgressState.PROPOSED,
          at,
          confirmedAt: null,
        });
        await manager.getRepository(ProgressUpdate).insert(update);
        return {
          result: update.key,
          target: `ProgressUpdate:${update.key}`,
          changes: { commitmentId, completion: update.completion, note, evidence, state: ProgressState.PROPOSED },
        };
      },
    });
    return { progress: await reload(ctx, key) };
  }

  @Mutation(() => ProgressPayload, {
    description: 'Confirms a proposed progress update: a member of another sector of the same state, never the proposer.',
  })
  async confirmProgress(
    @Arg('id', () => ID, { description: 'The proposed update.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProgressPayload> {
    const identity = await requireHolder(ctx, 'confirm progress');
    const update = /^\d{1,15}$/.test(id) ? await ctx.dataSource.getRepository(ProgressUpdate).findOneBy({ key: Number(id) }) : null;
    if (!update) throw badUserInput(`There is no progress update ${id.slice(0, 40)}.`, 'id');
    checkMayConfirm(identity, update);
    if (update.state !== ProgressState.PROPOSED) throw badUserInput('This update is already confirmed.', 'id');
    await write(ctx, {
      action: 'confirmProgress',
      identity,
      args: { id },
      async run(manager, at) {
        const confirmer = actorColumns(identity);
        const moved = await manager
          .getRepository(ProgressUpdate)
          .createQueryBuilder()
          .update()
          .set({ state: ProgressState.CONFIRMED, confirmedAt: at, confirmer })
          .where('"key" = :key AND "state" = :proposed', { key: update.key, proposed: ProgressState.PROPOSED })
          .execute();
        if (moved.affected !== 1) throw badUserInput('This update was confirmed meanwhile.', 'id');
        return {
          result: update.key,
          target: `ProgressUpdate:${update.key}`,
          changes: { commitmentId: update.commitmentId, completion: update.completion, state: ProgressState.CONFIRMED },
        };
      },
    });
    return { progress: await reload(ctx, update.key) };
  }
}
