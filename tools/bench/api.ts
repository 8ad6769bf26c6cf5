import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { FOLLOW_THE_MONEY } from './follow-the-money.query';

/*
 * `npm run bench:api -- [--lines N] [--rounds R] [--duration S] [--connections C]`: the API's speed, a script and not a
 * test. Starts the four subgraphs on a throw-away SQLite folder (the sample, plus N generated budget lines imported
 * through the CLI), and two gateways over them: one with the response cache off (cold) and one with it on (warm).
 * Each scenario runs against each gateway in interleaved rounds, so both see the same machine load; it prints requests
 * per second, latency, and CPU milliseconds per request of the gateway and of the subgraphs (from /proc, Linux), with
 * the warm ÷ cold ratios. RPS on a shared machine moves with its load; CPU per request moves far less.
 */

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '0' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const [lines, rounds, duration, connections] = (['lines', 'rounds', 'duration', 'connections'] as const).map((name) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < (name === 'lines' ? 0 : 1))
    throw new Error(`--${name} must be a whole number (got "${values[name]}")`);
  return value;
});

const DIST = path.resolve(__dirname, '..', '..');
const PORTS = { institutions: 6101, commitments: 6102, budgets: 6103, archives: 6104 };
const GATEWAYS = { cold: 6100, warm: 6110 };

const SCENARIOS: Record<string, { query: string; variables?: Record<string, unknown>[] }> = {
  'follow-the-money': { query: FOLLOW_THE_MONEY, variables: [{ id: 'MX-TLA-PAL-2016-03' }, { id: 'MX-SLP-PAL-2017-03' }] },
  '100 commitments': {
    query:
      '{ commitments(first: 100) { edges { node { id title responsibleInstitution { name } funding { approved paid } records { code } } } } }',
  },
  'spending year × state': {
    query:
      '{ spending(groupBy: [FISCAL_YEAR, STATE], first: 100) { edges { node { key { fiscalYear state { name } } amounts { approved paid } } } } }',
  },
  'search "educacion"': {
    query: '{ search(text: "educacion") { commitments { node { id } } budgetPrograms { node { id name } } institutions { node { id } } } }',
  },
};

const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

function start(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [path.join(DIST, script)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function ready(port: number) {
  for (let tries = 0; tries < 600; tries++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`nothing ready on port ${port}`);
}

/** User + system CPU time of a process in milliseconds, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  gatewayCpu: number;
  subgraphCpu: number;
}

async function main() {
  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-bench-api-'));
  const common = {
    SQLITE_DIR: sqliteDir,
    ...Object.fromEntries(Object.entries(PORTS).map(([name, port]) => [`${name.toUpperCase()}_PORT`, String(port)])),
  };
  if (lines > 0) {
    const out = path.join(sqliteDir, 'generated');
    spawnSync(process.execPath, [path.join(DIST, 'tools/generate/cli.js'), '--lines', String(lines), '--out', out], {
      stdio: 'inherit',
      env: { ...process.env, ...common },
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { budget: { directory: string } };
    spawnSync(process.execPath, [path.join(DIST, 'tools/import/cli.js'), 'shcp-budget', path.join(out, manifest.budget.directory)], {
      stdio: 'inherit',
      env: { ...process.env, ...common },
    });
  }
  const subgraphs = Object.keys(PORTS).map((name) => start(`subgraphs/${name}/index.js`, common));
  await Promise.all(Object.values(PORTS).map(ready));
  const urls = Object.fromEntries(
    Object.entries(PORTS).map(([name, port]) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${port}/graphql`]),
  );
  const gateways = {
    cold: start('gateway/index.js', { ...urls, GATEWAY_PORT: String(GATEWAYS.cold), RESPONSE_CACHE: 'false', RATE_LIMIT_REQUESTS: '0' }),
    warm: start('gateway/index.js', { ...urls, GATEWAY_PORT: String(GATEWAYS.warm), RESPONSE_CACHE: 'true', RATE_LIMIT_REQUESTS: '0' }),
  };
  await Promise.all(Object.values(GATEWAYS).map(ready));
  const peakRss = { cold: 0, warm: 0 };
  const results = new Map<string, Round[]>();

  for (let round = 1; round <= rounds; round++) {
    for (const [scenario, { query, variables }] of Object.entries(SCENARIOS)) {
      for (const target of ['cold', 'warm'] as const) {
        const gateway = gateways[target];
        const beforeGateway = cpuMs(gateway.pid!);
        const beforeSubgraphs = subgraphs.reduce((sum, child) => sum + cpuMs(child.pid!), 0);
        const bodies = (variables ?? [undefined]).map((vars) => JSON.stringify({ query, variables: vars }));
        const run = await autocannon({
          url: `http://127.0.0.1:${GATEWAYS[target]}/graphql`,
          connections,
          duration,
          requests: bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
        });
        const requests = Math.max(1, run.requests.total);
        const entry: Round = {
          rps: run.requests.average,
          p50: run.latency.p50,
          p99: run.latency.p99,
          errors: run.errors + run.non2xx,
          gatewayCpu: (cpuMs(gateway.pid!) - beforeGateway) / requests,
          subgraphCpu: (subgraphs.reduce((sum, child) => sum + cpuMs(child.pid!), 0) - beforeSubgraphs) / requests,
        };
        peakRss[target] = Math.max(peakRss[target], rssMiB(gateway.pid!));
        results.set(`${scenario}|${target}`, [...(results.get(`${scenario}|${target}`) ?? []), entry]);
        console.error(`round ${round} ${scenario} ${target}: ${entry.rps.toFixed(0)} req/s`);
      }
    }
  }

  const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
  console.log(
    `\nAPI benchmark: ${lines} generated budget lines + the sample, ${rounds} interleaved rounds × ${duration} s at ${connections} connections (medians)`,
  );
  console.log('| scenario | gateway | req/s | p50 ms | p99 ms | errors | gateway CPU ms/req | subgraphs CPU ms/req |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const scenario of Object.keys(SCENARIOS)) {
    for (const target of ['cold', 'warm'] as const) {
      const runs = results.get(`${scenario}|${target}`)!;
      const m = (pick: (round: Round) => number) => median(runs.map(pick));
      console.log(
        `| ${scenario} | ${target === 'cold' ? 'cache off' : 'cache on'} | ${m((r) => r.rps).toFixed(0)} | ${m((r) => r.p50)} | ${m((r) => r.p99)} | ${runs.reduce((sum, r) => sum + r.errors, 0)} | ${m((r) => r.gatewayCpu).toFixed(2)} | ${m((r) => r.subgraphCpu).toFixed(2)} |`,
      );
    }
    const ratio = median(results.get(`${scenario}|warm`)!.map((r) => r.rps)) / median(results.get(`${scenario}|cold`)!.map((r) => r.rps));
    console.log(`| ${scenario} | warm ÷ cold | ${ratio.toFixed(1)}× | | | | | |`);
  }
  console.log(`\npeak gateway RSS: cache off ${peakRss.cold.toFixed(0)} MiB, cache on ${peakRss.warm.toFixed(0)} MiB`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
