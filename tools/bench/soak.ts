import fs from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { FOLLOW_THE_MONEY, FOLLOW_THE_MONEY_VARIABLES } from './follow-the-money.query';

/*
 * A soak run (a script, not a test): the Follow-the-Money query at a fixed concurrency against a running API
 * (`npm start`), counting every answer that is not a clean one and sampling the resident memory of the given
 * processes. Usage:
 *   npm run bench:soak -- --url http://localhost:4000/graphql --duration 60 --connections 10 --pid <gateway pid>
 */

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:4000/graphql' },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '10' },
    pid: { type: 'string', multiple: true, default: [] },
    every: { type: 'string', default: '5' },
  },
});

const duration = positive('duration');
const connections = positive('connections');
const sampleEverySeconds = positive('every');
const pids = (values.pid ?? []).map(Number);

function positive(name: 'duration' | 'connections' | 'every'): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0 (got "${values[name]}")`);
  return value;
}

/** Resident set size in MiB from /proc (Linux), or null once the process is gone. */
function rssMiB(pid: number): number | null {
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Math.round(Number(kib) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

const errorsByCode = new Map<string, number>();
let incomplete = 0;
let socketHangUps = 0;

/** A clean answer has no `errors` and all four subgraphs' parts; anything else is counted by code. */
function verify(received: string | Buffer | undefined): boolean {
  const body = String(received ?? '');
  if (body.includes('socket hang up')) socketHangUps += 1;
  let answer: { data?: { commitment?: Record<string, unknown> | null }; errors?: { extensions?: { code?: string } }[] };
  try {
    answer = JSON.parse(body);
  } catch {
    errorsByCode.set('NOT_JSON', (errorsByCode.get('NOT_JSON') ?? 0) + 1);
    return false;
  }
  for (const error of answer.errors ?? []) {
    const code = error.extensions?.code ?? 'NO_CODE';
    errorsByCode.set(code, (errorsByCode.get(code) ?? 0) + 1);
  }
  const commitment = answer.data?.commitment;
  const complete =
    !!commitment?.title && !!commitment.actionPlan && !!commitment.allocations && !!commitment.funding && !!commitment.records;
  if (!complete) incomplete += 1;
  return complete && !answer.errors;
}

async function main() {
  const samples: { second: number; rss: (number | null)[] }[] = [];
  const started = Date.now();
  const sample = () => samples.push({ second: Math.round((Date.now() - started) / 1000), rss: pids.map(rssMiB) });
  sample();
  const sampler = setInterval(sample, sampleEverySeconds * 1000);
  const result = await autocannon({
    url: values.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: FOLLOW_THE_MONEY, variables: FOLLOW_THE_MONEY_VARIABLES }),
    connections,
    duration,
    verifyBody: verify,
  });
  clearInterval(sampler);
  sample();

  console.log(`Follow-the-Money soak: ${duration} s at ${connections} connections against ${values.url}`);
  console.log(`  requests          ${result.requests.total} (${Math.round(result.requests.average)}/s average)`);
  console.log(`  latency           p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`  transport errors  ${result.errors} (timeouts ${result.timeouts})`);
  console.log(`  non-2xx answers   ${result.non2xx}`);
  console.log(`  unclean answers   ${result.mismatches} (incomplete ${incomplete})`);
  console.log(`  socket hang up    ${socketHangUps}`);
  for (const [code, count] of errorsByCode) console.log(`  errors ${code.padEnd(12)}${count}`);
  if (pids.length > 0) {
    console.log(`\n  RSS (MiB) every ${sampleEverySeconds} s, pid ${pids.join(', pid ')}:`);
    for (const { second, rss } of samples)
      console.log(`  ${String(second).padStart(5)} s  ${rss.map((mib) => (mib === null ? 'gone' : mib.toFixed(1))).join('  ')}`);
  }
  const failed = result.errors + result.non2xx + result.mismatches;
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
