import { z } from 'zod';
import { optionalUrl } from './env';

/**
 * `OTEL_EXPORTER_OTLP_ENDPOINT`: the OpenTelemetry collector traces are sent to over OTLP/HTTP (the exporter adds
 * `/v1/traces`); unset, nothing is traced and the request path carries no tracing work at all.
 */
export const tracingModel = z
  .object({ OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(/^https?:\/\//, 'an http(s) URL') })
  .transform((env) => ({ otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT }));
export type TracingConfig = z.output<typeof tracingModel>;
