import { readGatewayConfig } from './config';
import { startGateway } from './server';

/** Runs the gateway alone (docker-compose runs it this way, beside the four subgraph containers). */
async function main() {
  const gateway = await startGateway(readGatewayConfig());
  const stop = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
