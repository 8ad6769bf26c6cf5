import { parseArgs } from 'node:util';
import { eraseClosedContacts } from '../../subgraphs/participation/writes/erase-contacts';
import { fail, withParticipation } from './database';

/**
 * `npm run participation:erase-contacts [-- --days N]`: erases the contacts of reports closed at least
 * PARTICIPATION_CONTACT_RETENTION_DAYS days ago (or N). Meant for a daily cron job; running it twice erases nothing more.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { days: { type: 'string' } }, strict: true });
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 0)) throw new Error('--days must be a whole number of days, 0 or more');
  const erased = await withParticipation((dataSource, config) =>
    eraseClosedContacts(dataSource, days ?? config.participation.contactRetentionDays),
  );
  console.log(`erased the contact of ${erased} closed report(s)`);
}

main().catch(fail);
