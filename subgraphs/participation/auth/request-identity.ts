import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../../common/errors';
import type { SubgraphContext } from '../../kit/context';
import { Role } from '../entities/participation.enums';
import type { Identity } from './identity';
import { localKeys } from './local-keys';
import { identify, unauthenticated } from './tokens';

const identities = new WeakMap<SubgraphContext, Promise<Identity>>();

/**
 * The request's writer, verified once per request. The client is a keyed hash of its address (Express's `req.ip`
 * under the subgraph's `trust proxy`): enough to count one flag per client, not an address anyone can read back.
 */
export function identityOf(ctx: SubgraphContext): Promise<Identity> {
  let identity = identities.get(ctx);
  if (!identity) {
    identity = (async () => {
      const config = ctx.config.participation;
      const { clientSecret } = await localKeys(config.keyDirectory);
      const client = crypto
        .createHmac('sha256', clientSecret)
        .update(ctx.request?.client ?? 'in-process')
        .digest('hex');
      return identify(config, ctx.request?.authorization, client);
    })();
    identities.set(ctx, identity);
  }
  return identity;
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
}

export const isModerator = (identity: Identity) =>
  identity.kind === 'holder' && (identity.role === Role.MODERATOR || identity.role === Role.ADMIN);

/** A token's holder, or UNAUTHENTICATED: what follows needs a role. */
export async function requireHolder(ctx: SubgraphContext, what: string): Promise<Identity & { kind: 'holder' }> {
  const identity = await identityOf(ctx);
  if (identity.kind !== 'holder') throw unauthenticated(`Send a token (Authorization: Bearer <JWT>) to ${what}.`);
  return identity;
}

/** Moderators and admins, or FORBIDDEN. */
export async function requireModerator(ctx: SubgraphContext, what: string): Promise<Identity & { kind: 'holder' }> {
  const identity = await requireHolder(ctx, what);
  if (!isModerator(identity)) throw forbidden(`Only moderators and admins may ${what}.`);
  return identity;
}
