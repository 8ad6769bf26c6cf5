import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FOLLOW_THE_MONEY, FOLLOW_THE_MONEY_VARIABLES } from '../../tools/bench/follow-the-money.query';

/*
 * `npm start` as a user runs it: the compiled supervisor (`npm run build`) on free ports, with a throw-away
 * SQLite folder. It supervises processes, not storage, so it runs on SQLite whatever DATABASE_URL says.
 */

const root = path.resolve(__dirname, '../..');
const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-start-'));
/** Marks every process a run starts, children included, to find any left behind. */
const runMark = `start-test-${process.pid}-${Date.now()}`;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Run {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function startApi(ports: Record<string, number>): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test', SQLITE_DIR: sqliteDir, FTM_START_TEST_RUN: runMark };
  delete env.DATABASE_URL;
  for (const [name, port] of Object.entries(ports)) env[`${name.toUpperCase()}_PORT`] = String(port);
  const child = spawn(process.execPath, [path.join(root, 'dist/tools/start.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function until<T>(what: string, check: () => Promise<T | null | undefined> | T | null | undefined, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await check();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Processes (other than this one) whose environment carries this run's mark: Linux's /proc. */
function markedProcesses(): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`FTM_START_TEST_RUN=${runMark}`)) found.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

function childPid(parent: number, script: string): number | null {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const line = lines.find((candidate) => candidate.includes(script));
  return line ? Number(line.trim().split(/\s+/)[0]) : null;
}

async function followTheMoney(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: FOLLOW_THE_MONEY, variables: FOLLOW_THE_MONEY_VARIABLES }),
  });
  return (await response.json()) as { data?: { commitment: Record<string, any> }; errors?: { extensions?: Record<string, unknown> }[] };
}

beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}, 300_000);
afterAll(() => {
  for (const pid of markedProcesses()) process.kill(pid, 'SIGKILL');
  fs.rmSync(sqliteDir, { recursive: true, force: true });
});

describe('npm start supervises its processes', () => {
  test('a killed subgraph is restarted and the full answer returns; SIGTERM stops everything', async () => {
    const ports = {
      gateway: await freePort(),
      institutions: await freePort(),
      commitments: await freePort(),
      budgets: await freePort(),
      archives: await freePort(),
      participation: await freePort(),
    };
    const api = await startApi(ports);
    await until('the API to be ready', () => api.output().includes('Follow-the-Money API ready'));
    expect((await followTheMoney(ports.gateway)).errors).toBeUndefined();

    const budgets = childPid(api.process.pid!, 'subgraphs/budgets/index.js')!;
    process.kill(budgets, 'SIGKILL');
    await until('budgets to be restarted', () => {
      const restarted = childPid(api.process.pid!, 'subgraphs/budgets/index.js');
      return restarted !== null && restarted !== budgets;
    });
    // Meanwhile or after, the gateway keeps serving; once budgets answers again the whole answer is back.
    const full = await until('a full answer', async () => {
      const answer = await followTheMoney(ports.gateway);
      return answer.errors === undefined ? answer : null;
    });
    expect(full.data!.commitment.allocations).toHaveLength(2);
    expect(full.data!.commitment.records.length).toBeGreaterThan(0);
    expect(api.output()).toMatch(/the budgets subgraph was killed by SIGKILL; restarting it/);

    api.process.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    await until('every child to exit', () => markedProcesses().length === 0, 15_000);
  }, 300_000);

  test('a taken gateway port fails the start with the reason, and leaves no process behind', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const ports = {
      gateway: (taken.address() as net.AddressInfo).port,
      institutions: await freePort(),
      commitments: await freePort(),
      budgets: await freePort(),
      archives: await freePort(),
      participation: await freePort(),
    };
    try {
      const api = await startApi(ports);
      expect(await api.exited).toBe(1);
      expect(api.output()).toMatch(/The API could not start: .*EADDRINUSE/);
      await until('every child to exit', () => markedProcesses().length === 0, 15_000);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  }, 300_000);
});
