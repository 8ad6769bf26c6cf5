import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { CsvRowCounter, EXPORT_QUERY, EXPORT_ROWS, type LoadScenario } from './api-scenarios';
import { cpuMs, peakRssMiB, resetPeakRss } from './proc';

/** One scenario against one gateway for one round. */
export interface LoadRound {
  rps: number;
  requests: number;
  /** Every response's latency, ms: percentiles are taken over all rounds pooled. */
  latencies: number[];
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  /** CPU ms per request of the gateway, and of the four subgraphs together. */
  gatewayCpu: number;
  subgraphCpu: number;
}

function bodies(scenario: LoadScenario): string[] {
  return (scenario.variables ?? [undefined]).map((variables) => JSON.stringify({ query: scenario.query, variables }));
}

/** `connections` clients sending the scenario's bodies in turn for `duration` seconds (autocannon). */
export async function loadRound(
  port: number,
  scenario: LoadScenario,
  options: { connections: number; duration: number; gatewayPid: number; subgraphPids: number[] },
): Promise<LoadRound> {
  const subgraphCpu = () => options.subgraphPids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const beforeGateway = cpuMs(options.gatewayPid);
  const beforeSubgraphs = subgraphCpu();
  const latencies: number[] = [];
  const run = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}/graphql`,
        connections: options.connections,
        duration: options.duration,
        requests: bodies(scenario).map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const requests = Math.max(1, run.requests.total);
  return {
    rps: run.requests.total / (run.duration || options.duration),
    requests: run.requests.total,
    latencies,
    errors: run.errors + run.timeouts + run.non2xx,
    gatewayCpu: (cpuMs(options.gatewayPid) - beforeGateway) / requests,
    subgraphCpu: (subgraphCpu() - beforeSubgraphs) / requests,
  };
}

/** The scenario's answers (one per body) from a gateway, or the errors it gave: run once before anything is timed. */
export async function answers(port: number, scenario: LoadScenario): Promise<{ data: unknown[]; errors: string[] }> {
  const data: unknown[] = [];
  const errors: string[] = [];
  for (const body of bodies(scenario)) {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const result = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (!response.ok || result.errors) errors.push(`${response.status} ${result.errors?.map((error) => error.message).join('; ') ?? ''}`);
    data.push(result.data ?? null);
  }
  return { data, errors };
}

export interface ExportRun {
  seconds: number;
  rows: number;
  /** Peak resident memory of the gateway and of the budgets subgraph during the export, MiB (null if unreadable). */
  gatewayPeakMiB: number | null;
  budgetsPeakMiB: number | null;
  gatewayCpuMs: number;
}

/**
 * Streams `/export.csv` of the budget lines and stops reading at EXPORT_ROWS rows (the gateway, which waits for the
 * client before asking the next page, stops there too). Peaks are VmHWM after resetting it just before.
 */
export async function exportRun(port: number, gatewayPid: number, budgetsPid: number): Promise<ExportRun> {
  const resetGateway = resetPeakRss(gatewayPid);
  const resetBudgets = resetPeakRss(budgetsPid);
  const beforeCpu = cpuMs(gatewayPid);
  const started = performance.now();
  const abort = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/export.csv?${new URLSearchParams({ query: EXPORT_QUERY })}`, {
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`/export.csv answered ${response.status}: ${await response.text()}`);
  const counter = new CsvRowCounter();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    counter.push(decoder.decode(value, { stream: true }));
    if (counter.rows >= EXPORT_ROWS) break;
  }
  const seconds = (performance.now() - started) / 1000;
  abort.abort();
  await reader.cancel().catch(() => {});
  return {
    seconds,
    rows: Math.min(counter.rows, EXPORT_ROWS),
    gatewayPeakMiB: resetGateway ? peakRssMiB(gatewayPid) : null,
    budgetsPeakMiB: resetBudgets ? peakRssMiB(budgetsPid) : null,
    gatewayCpuMs: cpuMs(gatewayPid) - beforeCpu,
  };
}

/** Nearest-rank percentile of the values (0 when there are none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
