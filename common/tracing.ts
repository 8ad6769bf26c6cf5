import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { RequestHandler } from 'express';
import type { TracingConfig } from './config/tracing';

/** Which process a span comes from, also where several share one process (tests, `npm start`'s gateway). */
export const SERVICE = 'ftm.service';
export const REQUEST_ID = 'ftm.request_id';

export const tracer = trace.getTracer('follow-the-money');

let stopTracing: (() => Promise<void>) | undefined;

/** Whether spans are recorded: the hooks that make them are not installed otherwise. */
export function tracingEnabled(): boolean {
  return stopTracing !== undefined;
}

/**
 * Records spans through `processor` from now on: the global tracer provider (which @apollo/gateway's own request,
 * plan and fetch spans use too), W3C trace context in and out of HTTP, and async context so that a span's children
 * find it across awaits. Returns how to stop (flushing what is pending).
 */
export function startTracing(service: string, processor: SpanProcessor): () => Promise<void> {
  if (stopTracing) return stopTracing;
  const provider = new TracerProvider({ resource: resourceFromAttributes({ 'service.name': service }), spanProcessors: [processor] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  stopTracing = async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
    stopTracing = undefined;
  };
  return stopTracing;
}

/** Exports over OTLP when the endpoint is configured; otherwise nothing is started. */
export function startConfiguredTracing(service: string, config: TracingConfig): void {
  // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and OTEL_EXPORTER_OTLP_HEADERS…) itself.
  if (config.otlpEndpoint && !tracingEnabled()) startTracing(service, new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }));
}

/** A server span per request, child of the caller's (the gateway's `traceparent`), carrying the request id. */
export function traceRequests(service: string): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `${req.method} ${req.path}`,
      {
        kind: SpanKind.SERVER,
        attributes: { [SERVICE]: service, [REQUEST_ID]: req.id, 'http.request.method': req.method, 'url.path': req.path },
      },
      parent,
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Runs `work` in a span of its own, ended when it settles (failures recorded on it). */
export async function inSpan<T>(name: string, attributes: Record<string, string>, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
