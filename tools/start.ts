import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readGatewayConfig } from '../gateway/config';
import { ping, startGateway, subgraphsOf } from '../gateway/server';

const READY_TIMEOUT_MS = 180_000;

/**
 * `npm start`: the whole federated API on one machine. Each subgraph runs as its own process (as in
 * production), loading the sample data into its embedded database on first start; the gateway starts
 * once all four answer. Ctrl-C stops everything.
 */
async function main() {
  const config = readGatewayConfig();
  const subgraphs = subgraphsOf(fs.readFileSync(config.supergraphPath, 'utf8'));
  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = (code: number) => {
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 500).unref();
  };
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));

  for (const name of Object.keys(subgraphs)) {
    const child = spawn(process.execPath, [path.join(__dirname, '..', 'subgraphs', name, 'index.js')], { stdio: 'inherit' });
    child.once('exit', (code) => {
      if (stopping) return;
      console.error(`The ${name} subgraph stopped (exit code ${code}); stopping the API.`);
      stopAll(1);
    });
    children.push(child);
  }
  await Promise.all(Object.entries(subgraphs).map(([name, url]) => waitUntilUp(name, config.subgraphUrls[name] ?? url)));
  const gateway = await startGateway(config);
  console.log(`\nFollow-the-Money API ready at ${gateway.url}\n`);
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
