import { z } from 'zod';
import { text, wholeNumber } from './env';

/**
 * `MAX_BODY_BYTES`: the largest request body read (larger ones get a coded 413).
 * `TRUST_PROXY`: which proxies may name the client in X-Forwarded-For — `false` (the socket's address is the
 * client), `true`, a hop count, or addresses/subnets (Express's `trust proxy` values). Rate limits key on it.
 */
export const httpModel = z
  .object({
    MAX_BODY_BYTES: wholeNumber(1_000_000, 1_000, 100_000_000),
    TRUST_PROXY: text('false', /^(true|false|\d+|[\w.:/, -]+)$/, 'true, false, a hop count or a list of addresses'),
  })
  .transform((env) => ({
    maxBodyBytes: env.MAX_BODY_BYTES,
    trustProxy: trustProxyValue(env.TRUST_PROXY),
  }));
export type HttpConfig = z.output<typeof httpModel>;

/** Express's `trust proxy` value from its text form. */
export function trustProxyValue(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}
