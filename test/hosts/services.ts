import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Host } from './network';

const repositoryRoot = path.resolve(__dirname, '..', '..');

/** A process started inside a host's namespace, in its own process group, its output in `<logs>/<name>.log`. */
export interface HostProcess {
  name: string;
  child: ChildProcess;
  /** Resolves when it has exited, by itself or stopped. */
  exited: Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`; `graceMs` 0 kills at once (a crash). */
  stop(graceMs?: number): Promise<void>;
}

export function startIn(host: Host, name: string, logs: string, command: string[], env: Record<string, string>): HostProcess {
  const log = fs.openSync(path.join(logs, `${name}.log`), 'a');
  const child = spawn('ip', ['netns', 'exec', host.namespace, ...command], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    // The group: `runuser` (PostgreSQL) keeps a child of its own.
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, name);
      } catch {
        // Exited between the check and the signal.
      }
    }
  };
  return {
    name,
    child,
    exited,
    async stop(graceMs = 5_000) {
      signal(graceMs === 0 ? 'SIGKILL' : 'SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The newest PostgreSQL server binaries Debian installed (`/usr/lib/postgresql/<version>/bin`). */
export function postgresBin(): string {
  const versions = fs
    .readdirSync('/usr/lib/postgresql')
    .filter((entry) => fs.existsSync(`/usr/lib/postgresql/${entry}/bin/postgres`))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no PostgreSQL server under /usr/lib/postgresql/<version>/bin');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/**
 * A PostgreSQL cluster of its own in `directory` (owned by the `postgres` user, as Debian's servers run), on the
 * host's loopback at `port`, trusting its local connections.
 */
export function startPostgres(host: Host, port: number, directory: string, logs: string): HostProcess {
  const bin = postgresBin();
  fs.mkdirSync(directory, { recursive: true });
  execFileSync('chown', ['postgres:postgres', directory]);
  execFileSync('runuser', ['-u', 'postgres', '--', `${bin}/initdb`, '-D', directory, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8'], {
    stdio: 'ignore',
  });
  // The other hosts reach it through the host's delay proxy, so it sees them on loopback (which initdb trusts).
  return startIn(
    host,
    'postgres',
    logs,
    [
      'runuser',
      '-u',
      'postgres',
      '--',
      `${bin}/postgres`,
      '-D',
      directory,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `port=${port}`,
      '-c',
      `unix_socket_directories=${directory}`,
    ],
    {},
  );
}

/** Creates `database` through the cluster's own socket (inside its namespace). */
export function createDatabase(host: Host, port: number, directory: string, database: string): void {
  execFileSync(
    'ip',
    [
      'netns',
      'exec',
      host.namespace,
      'runuser',
      '-u',
      'postgres',
      '--',
      `${postgresBin()}/createdb`,
      '-h',
      directory,
      '-p',
      String(port),
      database,
    ],
    { stdio: 'ignore' },
  );
}

/** A Redis of its own: no persistence, on the host's loopback at `port`. */
export function startRedis(host: Host, port: number, directory: string, logs: string): HostProcess {
  fs.mkdirSync(directory, { recursive: true });
  return startIn(
    host,
    'redis',
    logs,
    [
      'redis-server',
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      directory,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'no',
    ],
    {},
  );
}

/** One-way delay between hosts: each host's delay proxy holds what it receives and what it sends this long. */
export const DELAY_MS = 20;

/** Offers services on the host's address (`public` port) through delay-proxy.js, forwarding to `internal` on loopback. */
export function startDelayProxy(host: Host, name: string, logs: string, ports: [publicPort: number, internal: number][]): HostProcess {
  const forwards = ports.map(([publicPort, internal]) => `${host.address}:${publicPort}=${internal}`);
  return startIn(
    host,
    `${name}-delay`,
    logs,
    [process.execPath, path.join(__dirname, 'delay-proxy.js'), String(DELAY_MS), ...forwards],
    {},
  );
}
