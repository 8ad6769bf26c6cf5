import crypto from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { AuditEntry } from '../entities/audit-entry.entity';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: one text for one value, whatever order its keys were built in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

type Hashed = Omit<AuditEntry, 'hash'>;

/** SHA-256 (hex) over the canonical serialisation of every column but the hash itself, the previous hash included. */
export function hashOf(entry: Hashed): string {
  const { sequence, at, actorSubject, actorRole, action, target, changes, requestId, previousHash } = entry;
  const canonical = canonicalJson({ sequence, at, actorSubject, actorRole, action, target, changes, requestId, previousHash });
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type NewAuditEntry = Pick<AuditEntry, 'actorSubject' | 'actorRole' | 'action' | 'target' | 'requestId'> & { changes: unknown };

/**
 * Appends an entry inside the caller's transaction. On PostgreSQL the table is locked first, so two writes committing at
 * once cannot both take the same sequence or chain onto the same previous entry (SQLite runs one write at a time).
 */
export async function appendAudit(manager: EntityManager, entry: NewAuditEntry, at: string): Promise<AuditEntry> {
  const repository = manager.getRepository(AuditEntry);
  if (manager.connection.options.type === 'postgres') {
    const { schema, tableName } = repository.metadata;
    await manager.query(`LOCK TABLE ${schema ? `"${schema}".` : ''}"${tableName}" IN SHARE ROW EXCLUSIVE MODE`);
  }
  const [last] = await repository.find({ order: { sequence: 'DESC' }, take: 1 });
  const unhashed: Hashed = {
    ...entry,
    changes: canonicalJson(entry.changes),
    sequence: (last?.sequence ?? 0) + 1,
    at,
    previousHash: last?.hash ?? GENESIS_HASH,
  };
  const row = repository.create({ ...unhashed, hash: hashOf(unhashed) });
  await repository.insert(row);
  return row;
}

export interface ChainCheck {
  entries: number;
  /** The first entry whose hash, previous hash or sequence does not follow, and why; null when the chain holds. */
  broken: { sequence: number; reason: string } | null;
}

/** Recomputes the chain from the first entry, in batches, and stops at the first entry that does not follow. */
export async function verifyChain(repository: Repository<AuditEntry>, batch = 1_000): Promise<ChainCheck> {
  let previousHash = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await repository
      .createQueryBuilder('entry')
      .where('entry.sequence >= :expected', { expected })
      .orderBy('entry.sequence')
      .limit(batch)
      .getMany();
    for (const row of rows) {
      if (row.sequence !== expected)
        return { entries: expected - 1, broken: { sequence: expected, reason: `entry ${expected} is missing` } };
      if (row.previousHash !== previousHash) {
        return {
          entries: expected - 1,
          broken: { sequence: row.sequence, reason: 'its previous hash is not the hash of the entry before it' },
        };
      }
      if (hashOf(row) !== row.hash)
        return { entries: expected - 1, broken: { sequence: row.sequence, reason: 'its content does not match its hash' } };
      previousHash = row.hash;
      expected += 1;
    }
    if (rows.length < batch) return { entries: expected - 1, broken: null };
  }
}
