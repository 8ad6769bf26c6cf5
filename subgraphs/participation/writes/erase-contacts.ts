import type { DataSource } from 'typeorm';
import { Report } from '../entities/report.entity';
import { appendAudit } from './audit-chain';
import { oneAtATime } from './one-at-a-time';

/**
 * Erases the contact of every report closed at least `days` days before `now`, in one transaction with one audit entry
 * (which names the reports, never a contact). Returns how many contacts were erased.
 */
export async function eraseClosedContacts(dataSource: DataSource, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return oneAtATime(dataSource, () =>
    dataSource.transaction(async (manager) => {
      const due = await manager
        .getRepository(Report)
        .createQueryBuilder('report')
        .select('report.key', 'key')
        .where('report.contact IS NOT NULL')
        .andWhere('report.closedAt IS NOT NULL')
        .andWhere('report.closedAt <= :cutoff', { cutoff })
        .orderBy('report.key')
        .getRawMany<{ key: number }>();
      if (due.length === 0) return 0;
      const keys = due.map((row) => Number(row.key));
      await manager.getRepository(Report).createQueryBuilder().update().set({ contact: null }).whereInIds(keys).execute();
      await appendAudit(
        manager,
        {
          actorSubject: null,
          actorRole: 'SYSTEM',
          action: 'eraseContacts',
          target: 'Report:*',
          changes: { erased: keys.map((key) => `Report:${key}`), retentionDays: days },
          requestId: null,
        },
        now.toISOString(),
      );
      return keys.length;
    }),
  );
}
