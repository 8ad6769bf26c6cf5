import path from 'node:path';
import * as apolloTelemetry from '@apollo/gateway/dist/utilities/opentelemetry';
import { readGatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/server';

/*
 * Apollo's gateway reports usage metrics to Apollo unless told not to, and builds that report's resource by probing the
 * cloud metadata services (169.254.169.254) when it is constructed. The API must send nothing anywhere on its own.
 */
test('the gateway builds no usage report to Apollo, so it probes no cloud metadata service either', async () => {
  delete process.env.APOLLO_TELEMETRY_DISABLED;
  const reporter = jest.spyOn(apolloTelemetry, 'createDataCollectionExporter');
  const gateway = await startGateway(
    readGatewayConfig({
      GATEWAY_PORT: '0',
      SUPERGRAPH_PATH: path.resolve(__dirname, '../../schema/supergraph.graphql'),
      LOG_LEVEL: 'silent',
    }),
  );
  try {
    expect(reporter).not.toHaveBeenCalled();
  } finally {
    await gateway.stop();
    reporter.mockRestore();
  }
});
