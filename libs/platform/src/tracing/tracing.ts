import {
  Attributes,
  context,
  Context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { Client } from 'pg';

/**
 * OpenTelemetry traces of the store: a span for every HTTP request the gateway answers, every command
 * sent and handled, every event consumed and every SQL statement sent within them, joined into one
 * trace across apps by the W3C `traceparent` carried in NATS headers and in event envelopes.
 *
 * Off unless installed: then every helper here is a no-op that costs one boolean test. An app
 * installs it at start when `OTEL_EXPORTER_OTLP_ENDPOINT` (or `…_TRACES_ENDPOINT`) is set, exporting
 * by OTLP over HTTP; a test installs it with an in-memory exporter.
 */

const TRACER = 'checkout';
let provider: NodeTracerProvider | undefined;

/** Whether spans are recorded in this process. */
export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/** Registers the process's tracer provider (once): W3C propagation, async context, SQL spans. */
export function installTracing(serviceName: string, processors: SpanProcessor[]): void {
  if (provider) return;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: processors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  traceStatements();
}

/** Installs OTLP export for `app` when the standard OpenTelemetry variables ask for it. */
export function installTracingFromEnv(app: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return false;
  if (env.OTEL_TRACES_EXPORTER === 'none') return false;
  const url =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
    `${String(env.OTEL_EXPORTER_OTLP_ENDPOINT).replace(/\/+$/, '')}/v1/traces`;
  installTracing(env.OTEL_SERVICE_NAME || `checkout-${app}`, [
    new BatchSpanProcessor(new OTLPTraceExporter({ url })),
  ]);
  return true;
}

/** Sends the spans still buffered (an app stopping). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush().catch(() => undefined);
}

/** Flushes and stops the provider (at exit, or between tests). */
export async function shutdownTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  if (stopping) await stopping.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

/** Starts a span (a child of `parent`, else of the active span); undefined when tracing is off. */
export function startSpan(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  parent: Context = context.active(),
): Span | undefined {
  if (!provider) return undefined;
  return trace.getTracer(TRACER).startSpan(name, { kind, attributes }, parent);
}

/** Runs `fn` with `span` as the active span (or as is, without one). */
export function withActiveSpan<T>(span: Span | undefined, fn: () => T): T {
  if (!span) return fn();
  return context.with(trace.setSpan(context.active(), span), fn);
}

/** Ends `span`, marking it failed when `error` is given. */
export function endSpan(span: Span | undefined, error?: unknown, attributes?: Attributes): void {
  if (!span) return;
  if (attributes) span.setAttributes(attributes);
  if (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : undefined,
    });
  }
  span.end();
}

/** Writes the active trace context (`traceparent`, `tracestate`) through `set`. */
export function injectTraceContext(set: (key: string, value: string) => void): void {
  if (!provider) return;
  propagation.inject(context.active(), undefined, { set: (_carrier, key, value) => set(key, value) });
}

/** The trace context `get` reads (`traceparent`…), as a parent for a span; the root when none. */
export function extractTraceContext(get: (key: string) => string | undefined): Context {
  if (!provider) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, undefined, {
    get: (_carrier, key) => get(key),
    keys: () => ['traceparent', 'tracestate'],
  });
}

/** The active `traceparent`, to store with something that is handled later (an event). */
export function currentTraceparent(): string | undefined {
  let traceparent: string | undefined;
  injectTraceContext((key, value) => {
    if (key === 'traceparent') traceparent = value;
  });
  return traceparent;
}

export { SpanKind };

let statementsTraced = false;

/**
 * A client span for every statement a `pg` client sends inside a traced operation (statements of
 * background work outside any span are not traced): `db.system`, `db.statement` (parameterised: no
 * values).
 */
function traceStatements(): void {
  if (statementsTraced) return;
  statementsTraced = true;
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    if (!provider || !trace.getActiveSpan()) return query.apply(this, args);
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    const span = startSpan(`pg ${(text ?? '').trim().split(/\s+/, 1)[0] || 'query'}`, SpanKind.CLIENT, {
      'db.system': 'postgresql',
      'db.statement': (text ?? '').slice(0, 2_000),
    });
    const callback = args.findIndex((arg) => typeof arg === 'function');
    if (callback >= 0) {
      const done = args[callback] as (error: unknown, ...rest: unknown[]) => unknown;
      args[callback] = (error: unknown, ...rest: unknown[]) => {
        endSpan(span, error);
        return done(error, ...rest);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => endSpan(span),
        (error: unknown) => endSpan(span, error),
      );
    } else endSpan(span);
    return result;
  } as typeof Client.prototype.query;
}
