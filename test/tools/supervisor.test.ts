import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SupervisedProcess } from '../../tools/supervisor';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-supervisor-'));
const script = (name: string, source: string) => {
  const file = path.join(folder, name);
  fs.writeFileSync(file, source);
  return file;
};
const crashing = script('crash.js', 'process.exit(3);');
const lasting = script('last.js', "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000);");
const policy = { initialDelayMs: 20, maxDelayMs: 80, stableAfterMs: 60_000, stopGraceMs: 2_000 };

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

async function until(check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a supervised process', () => {
  test('exiting before it is supervised is a failed start, with the reason', async () => {
    const child = new SupervisedProcess('budgets', crashing, policy, () => {});
    child.start();
    await expect(child.exitedEarly).rejects.toThrow('The budgets subgraph exited with code 3 before it was ready.');
  });

  test('crashing once supervised is restarted with doubling delays, capped, until stopped', async () => {
    const lines: string[] = [];
    const child = new SupervisedProcess('budgets', crashing, policy, (line) => lines.push(line));
    child.supervise();
    child.start();
    await until(() => lines.length >= 5);
    await child.stop();
    const delays = lines.map((line) => Number(/restarting it in (\d+) ms/.exec(line)?.[1]));
    expect(delays.slice(0, 5)).toEqual([20, 40, 80, 80, 80]);
    const after = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines.length).toBe(after);
  });

  test('stop ends a running process and resolves once it is gone', async () => {
    const child = new SupervisedProcess('archives', lasting, policy, () => {});
    child.supervise();
    child.start();
    const pid = child.pid!;
    await child.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
