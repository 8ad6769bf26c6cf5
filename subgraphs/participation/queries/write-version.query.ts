import type { SubgraphContext } from '../../kit/context';
import { AuditEntry } from '../entities/audit-entry.entity';

/** Every write appends exactly one audit entry, so the last sequence counts the writes committed. */
export async function writeVersion(ctx: SubgraphContext): Promise<{ writes: number; at: string | null }> {
  const [last] = await ctx.dataSource.getRepository(AuditEntry).find({ order: { sequence: 'DESC' }, take: 1 });
  return { writes: last?.sequence ?? 0, at: last?.at ?? null };
}
