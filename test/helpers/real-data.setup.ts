import fs from 'node:fs';
import { realDataFolder } from '../../tools/import/real-data';

/**
 * Jest's globalSetup runs once, in the process the reporters run in: when the real-data folder is absent it leaves the
 * one message the summary reporter prints at the end, instead of a warning from every test file that skips.
 */
export default function realDataSetup(): void {
  const folder = realDataFolder();
  if (fs.existsSync(folder)) return;
  process.env.FTM_REAL_DATA_SKIPPED = `real-data tests skipped: ${folder} is absent (set REAL_DATA_DIR to the real-data folder to run them; see test/helpers/real-data.ts)`;
}
