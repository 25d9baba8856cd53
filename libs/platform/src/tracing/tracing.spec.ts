import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  currentTraceparent,
  endSpan,
  extractTraceContext,
  installTracing,
  installTracingFromEnv,
  shutdownTracing,
  SpanKind,
  startSpan,
  tracingEnabled,
  withActiveSpan,
} from './tracing';

describe('tracing', () => {
  afterEach(() => shutdownTracing());

  it('is off, and costs nothing, unless an OTLP endpoint is configured', () => {
    expect(installTracingFromEnv('cart', {})).toBe(false);
    expect(tracingEnabled()).toBe(false);
    expect(startSpan('x', SpanKind.INTERNAL, {})).toBeUndefined();
    expect(currentTraceparent()).toBeUndefined();
    expect(
      installTracingFromEnv('cart', {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x',
        OTEL_TRACES_EXPORTER: 'none',
      }),
    ).toBe(false);
  });

  it("continues a caller's traceparent, and hands its own on to what runs inside it", () => {
    const exporter = new InMemorySpanExporter();
    installTracing('checkout-payment', [new SimpleSpanProcessor(exporter)]);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = extractTraceContext((key) =>
      key === 'traceparent' ? `00-${traceId}-00f067aa0ba902b7-01` : undefined,
    );
    const span = startSpan('payment.session.refund process', SpanKind.SERVER, {}, parent);
    const inner = withActiveSpan(span, () => currentTraceparent());
    expect(inner).toBe(`00-${traceId}-${span!.spanContext().spanId}-01`);
    endSpan(span, new Error('declined'));
    const [finished] = exporter.getFinishedSpans();
    expect(finished.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(finished.status).toMatchObject({ code: 2, message: 'declined' });
    expect(finished.resource.attributes['service.name']).toBe('checkout-payment');
  });
});
