import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import type { ParticipationConfig } from '../../../common/config/participation';
import { ErrorCode } from '../../../common/errors';
import { claimsModel, holderOf, type Claims, type Identity } from './identity';
import { LOCAL_ALGORITHM, localKeys } from './local-keys';

/** What a provider may sign with; `none` and symmetric algorithms (a shared secret anyone could mint with) are not here. */
const PROVIDER_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

const remoteKeySets = new Map<string, JWTVerifyGetKey>();

function remoteKeySet(url: string): JWTVerifyGetKey {
  let keys = remoteKeySets.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url));
    remoteKeySets.set(url, keys);
  }
  return keys;
}

/** Why jose refused a token, in words a client can act on (never the token itself). */
function refusalOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not accepted here.`;
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return "The token's algorithm is not accepted.";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The token's signature does not verify.";
  if (error instanceof errors.JWKSNoMatchingKey) return 'No key of the identity provider signed the token.';
  return 'The token is not a valid signed JWT.';
}

/**
 * The writer of a request: anonymous without an `Authorization` header, else the holder of a token that verifies
 * against the configured JWKS or the local key, for this issuer and audience, unexpired. Anything else is refused.
 */
export async function identify(config: ParticipationConfig, authorization: string | undefined, client: string): Promise<Identity> {
  if (authorization === undefined || authorization === '') return { kind: 'anonymous', client };
  const match = /^Bearer ([\w-]+\.[\w-]*\.[\w-]*)$/.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be `Bearer <JWT>`.');
  const options = { issuer: config.issuer, audience: config.audience, requiredClaims: ['exp', 'sub'] };
  let payload: unknown;
  try {
    payload = config.jwksUrl
      ? (await jwtVerify(match[1], remoteKeySet(config.jwksUrl), { ...options, algorithms: PROVIDER_ALGORITHMS })).payload
      : (await jwtVerify(match[1], (await localKeys(config.keyDirectory)).publicKey, { ...options, algorithms: [LOCAL_ALGORITHM] }))
          .payload;
  } catch (error) {
    throw unauthenticated(refusalOf(error));
  }
  const claims = claimsModel.safeParse(payload);
  if (!claims.success)
    throw unauthenticated(`The token's claims are not usable: ${claims.error.issues.map((issue) => issue.message).join('; ')}.`);
  return holderOf(claims.data, client);
}

/** Signs a token with the local key (`npm run token`, tests); `days` until it expires. */
export async function mintLocalToken(config: ParticipationConfig, claims: Claims, days: number): Promise<string> {
  const keys = await localKeys(config.keyDirectory);
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: LOCAL_ALGORITHM, kid: keys.kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + Math.round(days * 86_400))
    .setJti(crypto.randomUUID())
    .sign(keys.privateKey);
}
