import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * A fresh clone's install prints no `npm warn`: no peer-dependency conflict, no package whose `engines` leave out
 * this Node, no install script that `allowScripts` does not cover. `npm ci --dry-run` in an empty folder with only
 * the manifest and the lockfile resolves the same tree and prints the same warnings (all 233 of them before these
 * were resolved) without installing anything, in seconds from npm's cache, which installing this tree filled.
 */
const root = path.resolve(__dirname, '..');

test('npm ci on a fresh clone prints no npm warn', () => {
  const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-install-'));
  try {
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(root, file), path.join(clone, file));
    const run = spawnSync('npm', ['ci', '--dry-run', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: clone, encoding: 'utf8' });
    const output = `${run.stdout}\n${run.stderr}`;
    expect({ status: run.status, error: run.error }).toEqual({ status: 0, error: undefined });
    expect(output.split('\n').filter((line) => /^npm warn/i.test(line))).toEqual([]);
    // It did resolve the tree: the dry run lists what it would add.
    expect(output).toMatch(/added \d+ packages/);
  } finally {
    fs.rmSync(clone, { recursive: true, force: true });
  }
}, 180_000);
