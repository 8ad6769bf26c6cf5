import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { API_BENCH_USAGE, type ApiBenchOptions, parseApiBenchArgs } from './api-options';
import { answers, type ExportRun, exportRun, type LoadRound, loadRound } from './api-load';
import { formatSize, formatSizes, type SizeResult, type TargetInfo } from './api-report';
import { LOAD_SCENARIOS, type LoadScenarioId } from './api-scenarios';
import { portsFrom, type Running, Stack } from './api-stack';
import { rssMiB } from './proc';

/*
 * `npm run bench:api -- …` (see API_BENCH_USAGE and docs/benchmarks.md): the API's speed, a script and not a
 * test. For each size it starts the four subgraphs on a throw-away database (a temporary SQLite folder, or throw-away
 * schemas in DATABASE_URL's PostgreSQL database) holding the sample plus that many generated budget lines imported
 * through the CLI, our gateway with the response cache off (cold) and on (warm), and any peer gateway over the same
 * subgraphs and supergraph. Each scenario runs against each gateway in interleaved rounds, so all see the same machine
 * load; then a 10,000-row export. It prints requests per second, latency percentiles and CPU milliseconds per request
 * of the gateway and of the subgraphs (from /proc, Linux), the ratios, and how the aggregates' latency moves with the
 * size. RPS on a shared machine moves with its load; CPU per request moves far less.
 */

type Target = TargetInfo & { running: Running };

let current: Stack | null = null;

async function runSize(options: ApiBenchOptions, lines: number, run: number): Promise<SizeResult> {
  const loadAverageBefore = os.loadavg()[0];
  const stack = new Stack(options.engine, portsFrom(options.portBase), run);
  current = stack;
  const subgraphs = await stack.startSubgraphs();
  let importSeconds: number | null = null;
  if (lines > 0) {
    const out = path.join(stack.directory, 'generated');
    await stack.tool('tools/generate/cli.js', ['--lines', String(lines), '--transactions', '0', '--records', '0', '--out', out]);
    importSeconds = await stack.tool('tools/import/cli.js', ['shcp-budget', path.join(out, 'shcp-pef')]);
    console.error(`  imported ${lines.toLocaleString('en')} generated lines in ${importSeconds.toFixed(1)} s`);
  }
  const targets: Target[] = [];
  const scenarios = options.scenarios.filter((id): id is LoadScenarioId => id !== 'export');
  if (options.cache !== 'on')
    targets.push({ label: 'cache off', ours: true, running: await stack.startGateway('cold', stack.ports.cold, false) });
  if (options.cache !== 'off')
    targets.push({ label: 'cache on', ours: true, running: await stack.startGateway('warm', stack.ports.warm, true) });
  for (const [index, peer] of options.peers.entries())
    targets.push({ label: peer.name, ours: false, running: await stack.startPeer(peer, stack.ports.peer(index)) });
  const totalLines = await countLines(targets[0].running.port);
  const warnings = await compareAnswers(targets, scenarios);

  const rounds = new Map<string, LoadRound[]>();
  const exports: ExportRun[] = [];
  const peakRss = new Map<string, number>();
  const cold = targets.find((target) => target.label === 'cache off');
  const budgets = subgraphs.find((running) => running.name === 'budgets')!;
  for (let round = 1; round <= options.rounds; round++) {
    for (const scenario of scenarios) {
      for (const target of targets) {
        const result = await loadRound(target.running.port, LOAD_SCENARIOS[scenario], {
          connections: options.connections,
          duration: options.duration,
          gatewayPid: target.running.pid,
          subgraphPids: subgraphs.map((running) => running.pid),
        });
        const key = `${scenario}|${target.label}`;
        rounds.set(key, [...(rounds.get(key) ?? []), result]);
        peakRss.set(target.label, Math.max(peakRss.get(target.label) ?? 0, rssMiB(target.running.pid)));
        console.error(`  round ${round} ${scenario} ${target.label}: ${result.rps.toFixed(0)} req/s`);
      }
    }
    if (options.scenarios.includes('export') && cold) {
      const exported = await exportRun(cold.running.port, cold.running.pid, budgets.pid);
      exports.push(exported);
      console.error(`  round ${round} export: ${exported.rows} rows in ${exported.seconds.toFixed(2)} s`);
    }
  }
  const loadAverageAfter = os.loadavg()[0];
  await stack.stop();
  current = null;
  return {
    engine: options.engine,
    lines,
    totalLines,
    importSeconds,
    targets: targets.map(({ label, ours }) => ({ label, ours })),
    scenarios,
    rounds,
    exports,
    peakRss,
    loadAverage: [loadAverageBefore, loadAverageAfter],
    warnings,
  };
}

/** How many budget lines the run serves (sample and generated), from the aggregate's grand total. */
async function countLines(port: number): Promise<number | null> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ spending(groupBy: [FISCAL_YEAR]) { total { lineCount } } }' }),
  });
  const result = (await response.json()) as { data?: { spending: { total: { lineCount: number } } } };
  return result.data?.spending.total.lineCount ?? null;
}

/**
 * Every gateway must give our cold gateway's answer before anything is timed: a gateway answering errors quickly
 * would otherwise look fast. Ours failing stops the run; a peer that differs is reported beside its figures.
 */
async function compareAnswers(targets: Target[], scenarios: LoadScenarioId[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const scenario of scenarios) {
    const reference = await answers(targets[0].running.port, LOAD_SCENARIOS[scenario]);
    if (reference.errors.length > 0) throw new Error(`${scenario} fails on ${targets[0].label}: ${reference.errors.join(' | ')}`);
    for (const target of targets.slice(1)) {
      const given = await answers(target.running.port, LOAD_SCENARIOS[scenario]);
      if (given.errors.length > 0) warnings.push(`${target.label} answers ${scenario} with errors: ${given.errors.join(' | ')}`);
      else if (!isDeepStrictEqual(given.data, reference.data))
        warnings.push(`${target.label} answers ${scenario} with other data than ours`);
    }
  }
  return warnings;
}

async function main() {
  let options: ApiBenchOptions;
  try {
    options = parseApiBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${API_BENCH_USAGE}`);
    process.exit(2);
  }
  console.log(`bench:api ${process.argv.slice(2).join(' ')}`);
  console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  const results: SizeResult[] = [];
  for (const [run, lines] of options.sizes.entries()) {
    console.error(`${options.engine}: ${lines.toLocaleString('en')} generated lines`);
    const result = await runSize(options, lines, run);
    results.push(result);
    console.log(`\n${formatSize(result, options)}`);
  }
  if (results.length > 1) console.log(`\n${formatSizes(results)}`);
  process.exit(0);
}

async function abandon(signal: string) {
  console.error(`${signal}: stopping the benchmark's processes and dropping its data`);
  await current?.stop().catch((error: unknown) => console.error(error));
  process.exit(1);
}
process.once('SIGINT', () => void abandon('SIGINT'));
process.once('SIGTERM', () => void abandon('SIGTERM'));

main().catch(async (error: unknown) => {
  console.error(error);
  await current?.stop().catch(() => {});
  process.exit(1);
});
