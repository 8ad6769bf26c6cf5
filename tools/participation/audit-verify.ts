import { AuditEntry } from '../../subgraphs/participation/entities/audit-entry.entity';
import { verifyChain } from '../../subgraphs/participation/writes/audit-chain';
import type { Env } from '../../common/config/env';
import { fail, withParticipation } from './database';

/**
 * `npm run audit:verify`: recomputes the participation audit log's hash chain from its first entry. Exit code 0 when
 * every entry follows; 1 naming the first entry that does not (edited, removed or re-hashed).
 */
export async function auditVerify(env: Env, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  const check = await withParticipation((dataSource) => verifyChain(dataSource.getRepository(AuditEntry)), env);
  if (check.broken) {
    out.error(`audit log BROKEN at entry ${check.broken.sequence}: ${check.broken.reason} (${check.entries} entries before it verify)`);
    return 1;
  }
  out.log(`audit log verified: ${check.entries} entries, hash chain intact`);
  return 0;
}

if (require.main === module) {
  auditVerify(process.env).then((code) => {
    process.exitCode = code;
  }, fail);
}
