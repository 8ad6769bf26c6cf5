import type { ApiBenchOptions } from './api-options';
import { type ExportRun, type LoadRound, median, percentile } from './api-load';
import { AGGREGATES, EXPORT_ROWS, LOAD_SCENARIOS, type LoadScenarioId } from './api-scenarios';
import type { Engine } from './throwaway-database';

export interface TargetInfo {
  /** `cache off`, `cache on`, or the peer's name. */
  label: string;
  ours: boolean;
}

/** Everything measured at one size. */
export interface SizeResult {
  engine: Engine;
  lines: number;
  /** Lines served (sample + generated), as the aggregate counts them. */
  totalLines: number | null;
  importSeconds: number | null;
  targets: TargetInfo[];
  scenarios: LoadScenarioId[];
  /** Per `scenario|target label`, one entry per round. */
  rounds: Map<string, LoadRound[]>;
  exports: ExportRun[];
  /** Highest gateway RSS read after a round, MiB, per target label. */
  peakRss: Map<string, number>;
  /** The 1-minute load average when the size's run began and ended. */
  loadAverage: [number, number];
  warnings: string[];
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');

interface Summary {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  gatewayCpu: number;
  subgraphCpu: number;
}

/** Medians over rounds of the rates and CPU; percentiles over every response of every round. */
export function summarize(rounds: readonly LoadRound[]): Summary {
  const latencies = rounds.flatMap((round) => round.latencies);
  return {
    rps: median(rounds.map((round) => round.rps)),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    gatewayCpu: median(rounds.map((round) => round.gatewayCpu)),
    subgraphCpu: median(rounds.map((round) => round.subgraphCpu)),
  };
}

/**
 * The req/s ratios of each round on its own: the two gateways of a round ran seconds apart under the same machine
 * load, where the ratio of the medians may set a busy round of one beside a quiet round of the other.
 */
function roundByRound(result: SizeResult): string[] {
  const lines = ['Round by round, req/s (the two sides of each ratio ran in the same round):'];
  const pairs: [string, string][] = [['cache on', 'cache off']];
  for (const peer of result.targets.filter((target) => !target.ours)) pairs.push(['cache off', peer.label]);
  for (const scenario of result.scenarios) {
    const parts = [];
    for (const [top, bottom] of pairs) {
      const over = result.rounds.get(`${scenario}|${top}`);
      const under = result.rounds.get(`${scenario}|${bottom}`);
      if (!over || !under) continue;
      const ratios = over.map((round, i) => round.rps / under[i].rps);
      parts.push(`${top} ÷ ${bottom} ${ratios.map(times).join(', ')} (median ${times(median(ratios))})`);
    }
    if (parts.length > 0) lines.push(`- ${LOAD_SCENARIOS[scenario].label}: ${parts.join('; ')}`);
  }
  return lines.length > 1 ? lines : [];
}

function describe(result: SizeResult): string {
  const served = result.totalLines === null ? '' : ` (${result.totalLines.toLocaleString('en')} lines served)`;
  const imported = result.importSeconds === null ? '' : `, imported in ${result.importSeconds.toFixed(0)} s`;
  return `${result.engine}, ${result.lines.toLocaleString('en')} generated budget lines + the sample${served}${imported}`;
}

export function formatSize(result: SizeResult, options: ApiBenchOptions): string {
  const out = [
    `${describe(result)}; ${options.rounds} interleaved round(s) × ${options.duration} s at ${options.connections} connection(s); ` +
      `load average ${result.loadAverage[0].toFixed(1)} → ${result.loadAverage[1].toFixed(1)}`,
    '',
    '| scenario | gateway | req/s | p50 ms | p95 ms | p99 ms | errors | gateway CPU ms/req | subgraphs CPU ms/req | gateway ÷ subgraphs CPU |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const scenario of result.scenarios) {
    const label = LOAD_SCENARIOS[scenario].label;
    const summaries = new Map(
      result.targets.map((target) => [target.label, summarize(result.rounds.get(`${scenario}|${target.label}`) ?? [])]),
    );
    for (const [target, s] of summaries) {
      out.push(
        `| ${label} | ${target} | ${s.rps.toFixed(0)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.errors} | ` +
          `${s.gatewayCpu.toFixed(2)} | ${s.subgraphCpu.toFixed(2)} | ${times(s.gatewayCpu / s.subgraphCpu)} |`,
      );
    }
    const cold = summaries.get('cache off');
    const warm = summaries.get('cache on');
    if (cold && warm)
      out.push(`| ${label} | cache on ÷ off | ${times(warm.rps / cold.rps)} | | | | | ${times(warm.gatewayCpu / cold.gatewayCpu)} | | |`);
    for (const peer of result.targets.filter((target) => !target.ours)) {
      const theirs = summaries.get(peer.label)!;
      if (cold)
        out.push(
          `| ${label} | cache off ÷ ${peer.label} | ${times(cold.rps / theirs.rps)} | ${times(cold.p50 / theirs.p50)} | | ` +
            `${times(cold.p99 / theirs.p99)} | | ${times(cold.gatewayCpu / theirs.gatewayCpu)} | ${times(cold.subgraphCpu / theirs.subgraphCpu)} | |`,
        );
    }
  }
  out.push('', ...roundByRound(result));
  if (result.exports.length > 0) {
    const seconds = result.exports.map((run) => run.seconds);
    const rows = Math.min(...result.exports.map((run) => run.rows));
    const peak = (pick: (run: ExportRun) => number | null) => {
      const values = result.exports.map(pick).filter((value): value is number => value !== null);
      return values.length > 0 ? `${Math.max(...values).toFixed(0)} MiB` : 'unreadable';
    };
    out.push(
      '',
      `export (/export.csv of budgetLines, cache off, stopped at ${EXPORT_ROWS.toLocaleString('en')} rows): ${rows.toLocaleString('en')} rows, ` +
        `p50 ${median(seconds).toFixed(2)} s, p95 ${percentile(seconds, 95).toFixed(2)} s over ${seconds.length} run(s) ` +
        `(${(rows / median(seconds)).toFixed(0)} rows/s); peak RSS during it: gateway ${peak((run) => run.gatewayPeakMiB)}, ` +
        `budgets subgraph ${peak((run) => run.budgetsPeakMiB)}; gateway CPU ${median(result.exports.map((run) => run.gatewayCpuMs)).toFixed(0)} ms`,
    );
  }
  out.push(
    '',
    `peak gateway RSS: ${[...result.peakRss].map(([label, mib]) => `${label} ${mib.toFixed(0)} MiB`).join(', ')}`,
    ...result.warnings.map((warning) => `WARNING: ${warning}`),
  );
  return out.join('\n');
}

/** The aggregates' (and the other scenarios') cache-off latency at each size, against the smallest. */
export function formatSizes(results: readonly SizeResult[]): string {
  const smallest = results.reduce((a, b) => (b.lines < a.lines ? b : a));
  const out = [
    `${results[0].engine}: cache-off latency by size (p50 / p95 ms), and the p50 at each size ÷ at ${smallest.lines.toLocaleString('en')} generated lines`,
    '',
    `| scenario | ${results.map((result) => `${result.lines.toLocaleString('en')} lines`).join(' | ')} | ${results
      .filter((result) => result !== smallest)
      .map((result) => `÷ at ${result.lines.toLocaleString('en')}`)
      .join(' | ')} |`,
    `|---|${results.map(() => '---|').join('')}${results
      .filter((result) => result !== smallest)
      .map(() => '---|')
      .join('')}`,
  ];
  const scenarios = [...new Set(results.flatMap((result) => result.scenarios))];
  const p50 = (result: SizeResult, scenario: LoadScenarioId) => summarize(result.rounds.get(`${scenario}|cache off`) ?? []);
  for (const scenario of scenarios) {
    const cells = results.map((result) => {
      const s = p50(result, scenario);
      return `${ms(s.p50)} / ${ms(s.p95)}`;
    });
    const ratios = results
      .filter((result) => result !== smallest)
      .map((result) => times(p50(result, scenario).p50 / p50(smallest, scenario).p50));
    out.push(`| ${LOAD_SCENARIOS[scenario].label} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
  }
  if (results.some((result) => result.exports.length > 0)) {
    const cells = results.map((result) =>
      result.exports.length > 0
        ? `${median(result.exports.map((run) => run.seconds * 1000)).toFixed(0)} / ${percentile(
            result.exports.map((run) => run.seconds * 1000),
            95,
          ).toFixed(0)} (${Math.min(...result.exports.map((run) => run.rows)).toLocaleString('en')} rows)`
        : '–',
    );
    out.push(`| export ${EXPORT_ROWS.toLocaleString('en')} rows | ${cells.join(' | ')} | |`);
  }
  const largest = results.reduce((a, b) => (b.lines > a.lines ? b : a));
  for (const scenario of AGGREGATES.filter((id) => scenarios.includes(id))) {
    const ratio = p50(largest, scenario).p50 / p50(smallest, scenario).p50;
    out.push(
      `${LOAD_SCENARIOS[scenario].label}: p50 at ${largest.lines.toLocaleString('en')} ÷ at ${smallest.lines.toLocaleString('en')} = ${times(ratio)} ` +
        `(${ratio <= 3 ? 'within' : 'NOT within'} 3×), p50 ${ms(p50(largest, scenario).p50)} ms (${p50(largest, scenario).p50 < 100 ? 'under' : 'NOT under'} 100 ms)`,
    );
  }
  return out.join('\n');
}
