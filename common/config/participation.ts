import path from 'node:path';
import { z } from 'zod';
import { repositoryRoot } from '../paths';
import { optionalUrl, text, wholeNumber } from './env';
import { trustProxyValue } from './http';

/**
 * The participation subgraph's settings (docs/participation.md):
 * `PARTICIPATION_JWKS_URL`: an OpenID Connect provider's JWKS; unset, tokens are verified with the local key pair kept in
 * `PARTICIPATION_KEY_DIR` (created on first start, mode 0600, never committed) and minted by `npm run token`.
 * `PARTICIPATION_TOKEN_ISSUER` / `PARTICIPATION_TOKEN_AUDIENCE`: the `iss` and `aud` a token must carry.
 * `PARTICIPATION_FLAGS_TO_HIDE`: flags by distinct clients that hide a report pending moderation.
 * `PARTICIPATION_CONTACT_RETENTION_DAYS`: days after a report is closed before its contact is erased.
 * `PARTICIPATION_TRUST_PROXY`: which proxies may name the client (one flag per client), Express's `trust proxy`.
 */
export const participationModel = z
  .object({
    PARTICIPATION_JWKS_URL: optionalUrl(/^https?:\/\/\S+$/, 'an http(s) URL'),
    PARTICIPATION_TOKEN_ISSUER: text('follow-the-money', /^\S+$/, 'a string without spaces'),
    PARTICIPATION_TOKEN_AUDIENCE: text('follow-the-money-participation', /^\S+$/, 'a string without spaces'),
    PARTICIPATION_KEY_DIR: text('.data/participation-keys', /./, 'a folder'),
    PARTICIPATION_FLAGS_TO_HIDE: wholeNumber(3, 1, 1_000),
    PARTICIPATION_CONTACT_RETENTION_DAYS: wholeNumber(30, 0, 3_650),
    PARTICIPATION_TRUST_PROXY: text('loopback', /^(true|false|\d+|[\w.:/, -]+)$/, 'true, false, a hop count or a list of addresses'),
  })
  .transform((env) => ({
    jwksUrl: env.PARTICIPATION_JWKS_URL,
    issuer: env.PARTICIPATION_TOKEN_ISSUER,
    audience: env.PARTICIPATION_TOKEN_AUDIENCE,
    keyDirectory: path.resolve(repositoryRoot, env.PARTICIPATION_KEY_DIR),
    flagsToHide: env.PARTICIPATION_FLAGS_TO_HIDE,
    contactRetentionDays: env.PARTICIPATION_CONTACT_RETENTION_DAYS,
    trustProxy: trustProxyValue(env.PARTICIPATION_TRUST_PROXY),
  }));
export type ParticipationConfig = z.output<typeof participationModel>;
