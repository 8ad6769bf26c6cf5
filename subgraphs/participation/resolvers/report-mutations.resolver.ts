import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../../common/errors';
import { identityOf, requireHolder, requireModerator } from '../auth/request-identity';
import { ActorColumns } from '../entities/actor.object';
import { FlagReason, ReportStatus } from '../entities/participation.enums';
import { ReportAnswer } from '../entities/report-answer.entity';
import { ReportFlag } from '../entities/report-flag.entity';
import { Report } from '../entities/report.entity';
import { checkField, checkText, LIMITS } from '../writes/limits';
import { CLOSED, checkMayAnswer, checkTransition } from '../writes/report-rules';
import { checkTarget } from '../writes/targets';
import { write } from '../writes/write';
import type { Identity } from '../auth/identity';
import { FlagPayload, ReportPayload } from './payloads.types';
import { ReportProblemInput } from './report.input';

export function actorColumns(identity: Identity): ActorColumns {
  if (identity.kind !== 'holder') return { subject: null, role: null, sector: null, stateId: null, name: null };
  return { subject: identity.subject, role: identity.role, sector: identity.sector, stateId: identity.stateId, name: identity.name };
}

/** A report by id for a write: any report, hidden included (the rules decide); unknown ids are the client's mistake. */
export async function reportForWrite(manager: EntityManager, id: string, field = 'id'): Promise<Report> {
  const report = /^\d{1,15}$/.test(id) ? await manager.getRepository(Report).findOneBy({ key: Number(id) }) : null;
  if (!report) throw badUserInput(`There is no report ${id.slice(0, 40)}.`, field);
  return report;
}

const reload = (ctx: SubgraphContext, key: number) => ctx.dataSource.getRepository(Report).findOneByOrFail({ key });

@Resolver()
export class ReportMutationsResolver {
  @Mutation(() => ReportPayload, {
    description:
      'Reports a problem with an item or one of its fields (*reportar un problema*): anyone, no token needed; public at once. The contact is stored, never shown.',
  })
  async reportProblem(
    @Arg('input', () => ReportProblemInput, { description: 'The problem.' }) input: ReportProblemInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportPayload> {
    const identity = await identityOf(ctx);
    const { stateId } = checkTarget(input.target.type, input.target.id);
    const field = checkField(input.field);
    const body = checkText(input.body, LIMITS.body, 'body');
    const contact = input.contact ? checkText(input.contact, LIMITS.contact, 'contact', false) : null;
    const { idempotencyKey, contact: _contact, ...args } = input;
    const key = await write(ctx, {
      action: 'reportProblem',
      identity,
      args,
      inputKey: idempotencyKey,
      async run(manager, at) {
        const report = manager.getRepository(Report).create({
          targetType: input.target.type,
          targetId: input.target.id,
          stateId,
          field,
          category: input.category,
          body,
          contact: contact && contact.trim() !== '' ? contact : null,
          status: ReportStatus.OPEN,
          createdAt: at,
          closedAt: null,
          duplicateOfKey: null,
          hidden: false,
          flagCount: 0,
          answerCount: 0,
        });
        await manager.getRepository(Report).insert(report);
        return {
          result: report.key,
          target: `Report:${report.key}`,
          changes: {
            target: { type: report.targetType, id: report.targetId },
            field,
            category: report.category,
            body,
            contactGiven: report.contact !== null,
          },
        };
      },
    });
    return { report: await reload(ctx, key) };
  }

  @Mutation(() => FlagPayload, {
    description: `Flags a public report (*denunciar*): anyone, once per client; enough flags hide it pending moderation (then \`report\` is null).`,
  })
  async flagReport(
    @Arg('id', () => ID, { description: 'The report.' }) id: string,
    @Arg('reason', () => FlagReason, { description: 'Why it should not be public.' }) reason: FlagReason,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FlagPayload> {
    const identity = await identityOf(ctx);
    const report = await reportForWrite(ctx.dataSource.manager, id);
    if (report.hidden) return { report: null };
    const already = await ctx.dataSource.getRepository(ReportFlag).existsBy({ reportKey: report.key, client: identity.client });
    if (already) return { report };
    const threshold = ctx.config.participation.flagsToHide;
    const hidden = await write(ctx, {
      action: 'flagReport',
      identity,
      args: { id, reason },
      async run(manager, at) {
        await manager.getRepository(ReportFlag).insert({ reportKey: report.key, client: identity.client, reason, at });
        await manager.getRepository(Report).increment({ key: report.key }, 'flagCount', 1);
        const { flagCount } = await manager.getRepository(Report).findOneByOrFail({ key: report.key });
        const hide = flagCount >= threshold;
        if (hide) await manager.getRepository(Report).update({ key: report.key }, { hidden: true });
        return { result: hide, target: `Report:${report.key}`, changes: { reason, flags: flagCount, hidden: hide } };
      },
    });
    return { report: hidden ? null : await reload(ctx, report.key) };
  }

  @Mutation(() => ReportPayload, {
    description:
      "Answers a report with a public note and moves it on (OPEN → ACKNOWLEDGED → RESOLVED | REJECTED | DUPLICATE): a secretariat member of the item's state, or a moderator.",
  })
  async answerReport(
    @Arg('id', () => ID, { description: 'The report.' }) id: string,
    @Arg('status', () => ReportStatus, { description: 'The status it moves to.' }) status: ReportStatus,
    @Arg('note', { description: 'A public note, kept exactly as written (at most 2,000 characters).' }) note: string,
    @Arg('duplicateOf', () => ID, { nullable: true, description: 'With DUPLICATE: the report it repeats.' }) duplicateOf: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportPayload> {
    const identity = await requireHolder(ctx, 'answer a report');
    const report = await reportForWrite(ctx.dataSource.manager, id);
    checkMayAnswer(identity, report);
    checkTransition(report.status, status);
    checkText(note, LIMITS.note, 'note');
    if ((status === ReportStatus.DUPLICATE) !== (duplicateOf !== null && duplicateOf !== undefined)) {
      throw badUserInput('duplicateOf is required with DUPLICATE, and only with it.', 'duplicateOf');
    }
    const original = duplicateOf ? await reportForWrite(ctx.dataSource.manager, duplicateOf, 'duplicateOf') : null;
    if (original?.key === report.key) throw badUserInput('A report cannot duplicate itself.', 'duplicateOf');
    await write(ctx, {
      action: 'answerReport',
      identity,
      args: { id, status, note, duplicateOf },
      async run(manager, at) {
        // Conditional on the status read above: of two answers at once, the second finds it moved and is refused.
        const moved = await manager
          .getRepository(Report)
          .createQueryBuilder()
          .update()
          .set({
            status,
            closedAt: CLOSED.has(status) ? at : null,
            duplicateOfKey: original?.key ?? null,
            answerCount: () => '"answerCount" + 1',
          })
          .where('"key" = :key AND "status" = :from', { key: report.key, from: report.status })
          .execute();
        if (moved.affected !== 1) throw badUserInput('The report was answered meanwhile: read it again.', 'id');
        await manager.getRepository(ReportAnswer).insert({ reportKey: report.key, status, note, actor: actorColumns(identity), at });
        return {
          result: report.key,
          target: `Report:${report.key}`,
          changes: { from: report.status, to: status, note, duplicateOf: original ? `Report:${original.key}` : null },
        };
      },
    });
    return { report: await reload(ctx, report.key) };
  }

  @Mutation(() => ReportPayload, {
    description: 'Hides a report pending moderation, with a reason kept in the audit log: moderators and admins.',
  })
  async hideReport(
    @Arg('id', () => ID, { description: 'The report.' }) id: string,
    @Arg('reason', { description: 'Why it is hidden (kept in the audit log, at most 500 characters).' }) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportPayload> {
    const identity = await requireModerator(ctx, 'hide reports');
    const report = await reportForWrite(ctx.dataSource.manager, id);
    checkText(reason, LIMITS.hideReason, 'reason');
    await write(ctx, {
      action: 'hideReport',
      identity,
      args: { id, reason },
      async run(manager) {
        await manager.getRepository(Report).update({ key: report.key }, { hidden: true });
        return { result: report.key, target: `Report:${report.key}`, changes: { hidden: true, wasHidden: report.hidden, reason } };
      },
    });
    return { report: await reload(ctx, report.key) };
  }

  @Mutation(() => ReportPayload, { description: 'Makes a hidden report public again and clears its flags: moderators and admins.' })
  async restoreReport(
    @Arg('id', () => ID, { description: 'The report.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportPayload> {
    const identity = await requireModerator(ctx, 'restore reports');
    const report = await reportForWrite(ctx.dataSource.manager, id);
    await write(ctx, {
      action: 'restoreReport',
      identity,
      args: { id },
      async run(manager) {
        // The flags stay (one per client for good); only the count that hides starts again.
        await manager.getRepository(Report).update({ key: report.key }, { hidden: false, flagCount: 0 });
        return {
          result: report.key,
          target: `Report:${report.key}`,
          changes: { hidden: false, wasHidden: report.hidden, flagsCleared: report.flagCount },
        };
      },
    });
    return { report: await reload(ctx, report.key) };
  }
}
