import path from 'node:path';
import { readableLogs } from '../common/config/logging';
import { readGatewayConfig } from '../gateway/config';
import { ping, type RunningGateway, startGateway } from '../gateway/server';
import { readConfig } from '../subgraphs/kit/config';
import { SUBGRAPH_NAMES } from '../common/config/subgraphs';
import { readyBanner } from './banner';
import { watchParent } from './parent-watch';
import { SupervisedProcess } from './supervisor';

const READY_TIMEOUT_MS = 180_000;

/**
 * `npm start`: the whole federated API on one machine. Each subgraph runs as its own process (as in
 * production), loading the sample data into its embedded database on first start; the gateway starts
 * once all five answer. A subgraph that crashes later is restarted (its fields are null meanwhile); a
 * start that fails stops everything it started; SIGINT, SIGTERM, SIGHUP and the death of the process
 * that started it (npm, a shell, a service manager) stop everything.
 */
async function main() {
  const ports = readConfig().ports;
  // The gateway reaches each subgraph on the port it is started with, unless told otherwise.
  const gatewayEnv: Record<string, string | undefined> = { ...process.env };
  for (const name of SUBGRAPH_NAMES) {
    const variable = `${name.toUpperCase()}_URL`;
    gatewayEnv[variable] ||= `http://localhost:${ports[name]}/graphql`;
  }
  const config = readGatewayConfig(gatewayEnv);
  const readable = readableLogs(config.logging.format, process.stdout.isTTY === true);
  // A person at a terminal reads the gateway's line per request; the subgraphs' lines (its fetches, and its
  // data-version polls every few seconds) would bury it and the banner. Their refusals and failures still show.
  if (readable) process.env.REQUEST_LOG_LEVEL ||= 'debug';
  const subgraphs = SUBGRAPH_NAMES.map((name) => new SupervisedProcess(name, path.join(__dirname, '..', 'subgraphs', name, 'index.js')));
  let gateway: RunningGateway | null = null;
  let shuttingDown = false;

  const shutdown = async (code: number, reason?: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (reason) console.error(reason);
    await gateway?.stop().catch(() => {});
    await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
    process.exit(code);
  };
  // `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and forwarded by npm), and a
  // second signal with no listener would kill it before the children are stopped.
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // The terminal closing: the children are in their own process groups and would not hear of it otherwise.
  process.on('SIGHUP', () => void shutdown(0));
  // npm forwards only SIGINT and SIGTERM to its script and dies of SIGHUP or SIGKILL leaving it running.
  watchParent(() => void shutdown(0, 'The process that started the API has gone; stopping.'));
  process.once('exit', () => {
    for (const subgraph of subgraphs) subgraph.killNow();
  });

  try {
    for (const subgraph of subgraphs) subgraph.start();
    await Promise.all(
      subgraphs.map((subgraph) => Promise.race([waitUntilUp(subgraph.name, config.subgraphUrls[subgraph.name]), subgraph.exitedEarly])),
    );
    for (const subgraph of subgraphs) subgraph.supervise();
    gateway = await startGateway(config);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await shutdown(1, `The API could not start: ${reason}`);
    return;
  }
  // Beside readable logs on a terminal; to stderr where stdout carries JSON lines, which it would break.
  (readable ? console.log : console.error)(readyBanner(gateway.port));
}

async function waitUntilUp(name: string, url: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await ping(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The ${name} subgraph did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
