import { z } from 'zod';
import { Role, Sector } from '../entities/participation.enums';
import { STATE_ID_PATTERN } from '../writes/targets';

/** Who is writing: nobody in particular (no token), or a token's holder with its claims. */
export type Identity =
  | { kind: 'anonymous'; client: string }
  | { kind: 'holder'; client: string; subject: string; role: Role; sector: Sector | null; stateId: string | null; name: string | null };

/** The claims a token must carry beyond the signature, expiry, issuer and audience jose checks. */
export const claimsModel = z
  .object({
    sub: z.string().min(1).max(200),
    role: z.enum(Role),
    state: z.string().regex(STATE_ID_PATTERN, 'an INEGI state code, 01 to 32').optional(),
    sector: z.enum(Sector).optional(),
    name: z.string().max(200).optional(),
  })
  .refine((claims) => claims.role !== Role.SECRETARIAT_MEMBER || (claims.state && claims.sector), {
    message: 'a SECRETARIAT_MEMBER token must name its state and sector',
  });

export type Claims = z.output<typeof claimsModel>;

export function holderOf(claims: Claims, client: string): Identity {
  return {
    kind: 'holder',
    client,
    subject: claims.sub,
    role: claims.role,
    sector: claims.sector ?? null,
    stateId: claims.state ?? null,
    name: claims.name ?? null,
  };
}
