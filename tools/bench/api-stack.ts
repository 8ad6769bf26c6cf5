import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../common/config/subgraphs';
import { repositoryRoot } from '../../common/paths';
import { GATEWAY_NODE_FLAGS } from '../../gateway/node-flags';
import type { Peer } from './api-options';
import { dropPostgresSchemas, type Engine } from './throwaway-database';

/** The compiled project (dist/): the scripts the stack starts. */
const DIST = path.resolve(__dirname, '..', '..');

/** Where everything listens, from one base port, so that two benchmarks can run side by side on other bases. */
export function portsFrom(base: number) {
  return {
    cold: base,
    warm: base + 10,
    subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, base + 1 + i])) as Record<SubgraphName, number>,
    peer: (index: number) => base + 20 + index,
  };
}

/** A copy of the composed supergraph whose subgraph URLs are the benchmark's own ports: ours and the peers read it. */
export function rewriteSupergraph(sdl: string, ports: Record<SubgraphName, number>): string {
  const rewritten = sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    name in ports ? `@join__graph(name: "${name}", url: "http://127.0.0.1:${ports[name as SubgraphName]}/graphql")` : whole,
  );
  for (const name of SUBGRAPH_NAMES)
    if (!rewritten.includes(`url: "http://127.0.0.1:${ports[name]}/graphql"`))
      throw new Error(`the supergraph names no subgraph "${name}"`);
  return rewritten;
}

export interface Running {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
}

/** Starts, waits for and stops the processes of one benchmark run, and deletes its database. */
export class Stack {
  readonly processes: Running[] = [];
  readonly directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-bench-api-'));
  readonly supergraphPath = path.join(this.directory, 'supergraph.graphql');
  readonly env: Record<string, string>;
  private readonly schemaPrefix: string;

  constructor(
    readonly engine: Engine,
    readonly ports: ReturnType<typeof portsFrom>,
    run: number,
  ) {
    this.schemaPrefix = `bench_api_${process.pid}_${run}_`;
    const database: Record<string, string> =
      engine === 'postgres' ? { DATABASE_URL: postgresUrl(), DATABASE_SCHEMA_PREFIX: this.schemaPrefix } : { SQLITE_DIR: this.directory };
    this.env = {
      ...database,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_PORT`, String(ports.subgraphs[name])])),
    };
    fs.writeFileSync(
      this.supergraphPath,
      rewriteSupergraph(fs.readFileSync(path.join(repositoryRoot, 'schema', 'supergraph.graphql'), 'utf8'), ports.subgraphs),
    );
  }

  /** The four subgraphs; each loads the sample into its empty database before it is ready. */
  async startSubgraphs(): Promise<Running[]> {
    const started = SUBGRAPH_NAMES.map((name) => this.node(name, `subgraphs/${name}/index.js`, this.ports.subgraphs[name], {}, []));
    await Promise.all(started.map((running) => ready(running, '/ready')));
    return started;
  }

  async startGateway(name: string, port: number, responseCache: boolean): Promise<Running> {
    const running = this.node(
      name,
      'gateway/index.js',
      port,
      {
        GATEWAY_PORT: String(port),
        SUPERGRAPH_PATH: this.supergraphPath,
        RESPONSE_CACHE: String(responseCache),
        RATE_LIMIT_REQUESTS: '0',
      },
      GATEWAY_NODE_FLAGS,
    );
    await ready(running, '/ready');
    return running;
  }

  /** A peer gateway, its command run by `sh` through `exec` so that the pid measured is the gateway's own. */
  async startPeer(peer: Peer, port: number): Promise<Running> {
    const command = peer.command.replaceAll('{supergraph}', this.supergraphPath).replaceAll('{port}', String(port));
    const child = spawn('sh', ['-c', `exec ${command}`], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
    const running = this.track(peer.name, child, port);
    await ready(running, null);
    return running;
  }

  /** Runs one of the project's tools (generate, import) to the end, with the stack's database settings. */
  async tool(script: string, args: string[]): Promise<number> {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(DIST, script), ...args], {
      env: { ...process.env, ...this.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`${script} ${args.join(' ')} failed (exit ${code})`);
    return (performance.now() - started) / 1000;
  }

  private node(name: string, script: string, port: number, env: Record<string, string>, nodeFlags: readonly string[]): Running {
    const child = spawn(process.execPath, [...nodeFlags, path.join(DIST, script)], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...this.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return this.track(name, child, port);
  }

  private track(name: string, child: ChildProcess, port: number): Running {
    if (child.pid === undefined) throw new Error(`${name} did not start`);
    const running = { name, child, pid: child.pid, port };
    this.processes.push(running);
    return running;
  }

  /**
   * Stops every process it started, the gateways before the subgraphs (a gateway still answering a request the load
   * client gave up on would log the subgraphs' going as errors), and waits for them so that the next run can take
   * the ports; then drops the data.
   */
  async stop(): Promise<void> {
    const subgraphs = new Set(SUBGRAPH_NAMES as readonly string[]);
    const gateways = this.processes.filter((running) => !subgraphs.has(running.name));
    await Promise.all(gateways.map(({ child }) => stopChild(child)));
    await Promise.all(this.processes.filter((running) => subgraphs.has(running.name)).map(({ child }) => stopChild(child)));
    this.processes.length = 0;
    if (this.engine === 'postgres')
      await dropPostgresSchemas(
        postgresUrl(),
        SUBGRAPH_NAMES.map((name) => `${this.schemaPrefix}${name}`),
      );
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}

function postgresUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  if (!url)
    throw new Error(
      '--engine postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/ftm): the runs use throw-away schemas in it',
    );
  return url;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Waits until a process answers: our processes on their readiness path, a peer on a GraphQL POST of `{ __typename }`
 * (the one request every gateway answers). Loading 1,000,000 lines' worth of sample checks can take minutes.
 */
async function ready({ name, child, port }: Running, readyPath: string | null): Promise<void> {
  const url = `http://127.0.0.1:${port}${readyPath ?? '/graphql'}`;
  const init: RequestInit | undefined = readyPath
    ? undefined
    : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) };
  for (let tries = 0; tries < 1200; tries++) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} stopped (exit ${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(url, init)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name}: nothing ready on port ${port}`);
}
