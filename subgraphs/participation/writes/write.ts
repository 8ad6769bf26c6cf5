import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { ErrorCode } from '../../../common/errors';
import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../../common/errors';
import { announceLoad } from '../../kit/import/announce-load';
import { IdempotentWrite } from '../entities/idempotent-write.entity';
import type { Identity } from '../auth/identity';
import { appendAudit, canonicalJson } from './audit-chain';
import { oneAtATime } from './one-at-a-time';
import { LIMITS } from './limits';

/** What a write did: the ids its answer is built from, and what the audit log records (never a contact). */
export interface Done<R> {
  result: R;
  target: string;
  changes: unknown;
}

export interface WriteSpec<R> {
  action: string;
  identity: Identity;
  /** The arguments that make this write this write: the same key with other arguments is refused. */
  args: unknown;
  /** An `idempotencyKey` input, when the mutation has one (the header wins when both are sent). */
  inputKey?: string | null;
  run(manager: EntityManager, at: string): Promise<Done<R>>;
}

function actorKey(identity: Identity): string {
  return identity.kind === 'holder' ? `sub:${identity.subject}` : `client:${identity.client}`;
}

function idempotencyKeyOf(ctx: SubgraphContext, inputKey: string | null | undefined): string | null {
  const key = ctx.request?.idempotencyKey ?? inputKey ?? null;
  if (key === null) return null;
  if (key.length === 0 || key.length > LIMITS.idempotencyKey || !/^[\x21-\x7e]+$/.test(key)) {
    throw badUserInput(`the idempotency key must be 1 to ${LIMITS.idempotencyKey} printable ASCII characters`, 'idempotencyKey');
  }
  return key;
}

function reused(): GraphQLError {
  return new GraphQLError('This idempotency key was already used for a different write: send a new key for a new write.', {
    extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED },
  });
}

async function earlier<R>(manager: EntityManager, actor: string, key: string, request: string): Promise<R | undefined> {
  const found = await manager.getRepository(IdempotentWrite).findOneBy({ actor, key });
  if (!found) return undefined;
  if (found.request !== request) throw reused();
  return JSON.parse(found.result) as R;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError && /UNIQUE|duplicate key/i.test(String((error as { message?: string }).message));

/**
 * Runs one write: the change, its audit entry and its idempotency record in one transaction, so none exists without the
 * others. A key already used by the same actor for the same write returns the first result and writes nothing; after a
 * commit the gateways hear that participation's data version moved (Redis, when configured), so cached answers showing
 * reports are not served again. Database errors are rethrown without their parameters, which may hold a contact.
 */
export async function write<R>(ctx: SubgraphContext, spec: WriteSpec<R>): Promise<R> {
  const key = idempotencyKeyOf(ctx, spec.inputKey);
  const actor = actorKey(spec.identity);
  const request = crypto
    .createHash('sha256')
    .update(canonicalJson({ action: spec.action, args: spec.args }))
    .digest('hex');
  const attempt = () =>
    oneAtATime(ctx.dataSource, () =>
      ctx.dataSource.transaction(async (manager) => {
        if (key !== null) {
          const first = await earlier<R>(manager, actor, key, request);
          if (first !== undefined) return { result: first, wrote: false };
        }
        const at = new Date().toISOString();
        const done = await spec.run(manager, at);
        const identity = spec.identity;
        await appendAudit(
          manager,
          {
            actorSubject: identity.kind === 'holder' ? identity.subject : null,
            actorRole: identity.kind === 'holder' ? identity.role : 'ANONYMOUS',
            action: spec.action,
            target: done.target,
            changes: done.changes,
            requestId: ctx.requestId ?? null,
          },
          at,
        );
        if (key !== null) {
          await manager.getRepository(IdempotentWrite).insert({ actor, key, request, result: canonicalJson(done.result), at });
        }
        return { result: done.result, wrote: true };
      }),
    );
  let outcome: { result: R; wrote: boolean };
  try {
    outcome = await attempt();
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    // Two requests with one key at once: the second's insert collides, its transaction rolls back, and the first's result stands.
    if (key !== null && isUniqueViolation(error)) {
      const first = await oneAtATime(ctx.dataSource, () => earlier<R>(ctx.dataSource.manager, actor, key, request));
      if (first !== undefined) return first;
    }
    throw new Error(`participation: the ${spec.action} write failed in the database`);
  }
  if (outcome.wrote) await announceLoad(ctx.config.redis, 'participation');
  return outcome.result;
}
