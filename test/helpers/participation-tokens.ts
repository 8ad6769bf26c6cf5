import { mintLocalToken } from '../../subgraphs/participation/auth/tokens';
import { Role, Sector } from '../../subgraphs/participation/entities/participation.enums';
import type { TestFederation } from './federation';

export interface TokenClaims {
  sub: string;
  role: keyof typeof Role;
  state?: string;
  sector?: keyof typeof Sector;
  name?: string;
}

/** A token the federation's participation subgraph accepts, signed with its local key as `npm run token` would. */
export function tokenFor(federation: TestFederation, claims: TokenClaims, days = 1): Promise<string> {
  const { role, sector, ...rest } = claims;
  return mintLocalToken(
    federation.subgraphs.participation.config.participation,
    { ...rest, role: Role[role], ...(sector ? { sector: Sector[sector] } : {}) },
    days,
  );
}
