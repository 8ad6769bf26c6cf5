import fs from 'node:fs';
import path from 'node:path';
import { realDataFolder } from '../../tools/import/real-data';

/**
 * The tests that read the publishers' full files (the real-data folder) run only where that folder is: REAL_DATA_DIR
 * when set, else shared/data beside the repository (as in CI). On a fresh clone they are skipped, and the run says so
 * once (real-data.setup.ts, printed by summary-reporter.js). Everything a test needs to check behaviour ships in data/
 * or test/fixtures/, so the rest of the suite runs anywhere.
 *
 *   REAL_DATA_DIR=/path/to/data npx jest        # run them against a copy of the folder elsewhere
 *   REAL_DATA_DIR=/nonexistent npx jest         # what a fresh clone sees: they are skipped
 */
export const REAL_DATA = realDataFolder();

export const realDataPresent = fs.existsSync(REAL_DATA);

/** A path inside the real-data folder. */
export const realData = (...parts: string[]) => path.join(REAL_DATA, ...parts);

/** A describe that runs only when the real-data folder is present. */
export const describeWithRealData = realDataPresent ? describe : describe.skip;

/** A test that runs only when the real-data folder is present. */
export const testWithRealData = realDataPresent ? test : test.skip;
