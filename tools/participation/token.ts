import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { readConfig } from '../../subgraphs/kit/config';
import { claimsModel } from '../../subgraphs/participation/auth/identity';
import { mintLocalToken } from '../../subgraphs/participation/auth/tokens';
import { fail } from './database';

const USAGE =
  'usage: npm run token -- --role SECRETARIAT_MEMBER|MODERATOR|ADMIN [--state 29] [--sector GOVERNMENT|CIVIL_SOCIETY|GUARANTOR_BODY] [--name "…"] [--sub id] [--days 30]';

/**
 * `npm run token -- --role … [--state …] [--sector …] [--name …] [--days …]`: mints a token signed with the local key
 * (created on first use in PARTICIPATION_KEY_DIR) for this issuer and audience, and prints it alone on its last line.
 * With PARTICIPATION_JWKS_URL set the subgraph trusts the provider instead, and these tokens are refused.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      state: { type: 'string' },
      sector: { type: 'string' },
      name: { type: 'string' },
      sub: { type: 'string' },
      days: { type: 'string', default: '30' },
    },
    strict: true,
  });
  const days = Number(values.days);
  const problems: string[] = [];
  if (!Number.isFinite(days) || days <= 0 || days > 366) problems.push('--days must be a number of days from more than 0 to 366');
  const claims = claimsModel.safeParse({
    sub: values.sub ?? `${(values.role ?? 'someone').toLowerCase()}-${values.state ?? 'all'}-${Date.now().toString(36)}`,
    role: values.role,
    state: values.state,
    sector: values.sector,
    name: values.name,
  });
  if (!claims.success) problems.push(...claims.error.issues.map((issue) => `${issue.path.join('.') || 'claims'}: ${issue.message}`));
  if (problems.length > 0 || !claims.success) throw new Error(`${problems.map((problem) => `  - ${problem}`).join('\n')}\n${USAGE}`);
  const config = readConfig().participation;
  if (config.jwksUrl) console.error('note: PARTICIPATION_JWKS_URL is set, so the subgraph will refuse this locally signed token');
  console.log(
    `role ${claims.data.role}${claims.data.state ? `, state ${claims.data.state}` : ''}${claims.data.sector ? `, sector ${claims.data.sector}` : ''}, valid ${days} day(s):`,
  );
  console.log(await mintLocalToken(config, claims.data, days));
}

main().catch(fail);
