import { AuditEntry } from '../../subgraphs/participation/entities/audit-entry.entity';
import { verifyChain } from '../../subgraphs/participation/writes/audit-chain';
import { fail, withParticipation } from './database';

/**
 * `npm run audit:verify`: recomputes the participation audit log's hash chain from its first entry. Exit code 0 when
 * every entry follows; 1 naming the first entry that does not (edited, removed or re-hashed).
 */
async function main(): Promise<void> {
  const check = await withParticipation((dataSource) => verifyChain(dataSource.getRepository(AuditEntry)));
  if (check.broken) {
    console.error(`audit log BROKEN at entry ${check.broken.sequence}: ${check.broken.reason} (${check.entries} entries before it verify)`);
    process.exitCode = 1;
    return;
  }
  console.log(`audit log verified: ${check.entries} entries, hash chain intact`);
}

main().catch(fail);
