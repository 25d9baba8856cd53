import {
  endSpan,
  extractTraceContext,
  SpanKind,
  startSpan,
  tracingEnabled,
  withActiveSpan,
} from '@app/platform';
import { Span } from '@opentelemetry/api';
import { FastifyInstance, FastifyRequest } from 'fastify';

const spans = new WeakMap<FastifyRequest, Span>();

/**
 * A server span for every request the gateway answers (`POST /store/carts/:id/complete`), continuing
 * the caller's `traceparent` when it sends one; the handler runs inside it, so every command it sends
 * carries the trace on to the apps. Nothing is registered when tracing is off.
 */
export function traceHttpRequests(fastify: FastifyInstance): void {
  if (!tracingEnabled()) return;
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const header = (key: string) => {
      const value = request.headers[key];
      return Array.isArray(value) ? value[0] : value;
    };
    const span = startSpan(
      `${request.method} ${route}`,
      SpanKind.SERVER,
      { 'http.request.method': request.method, 'http.route': route, 'checkout.app': 'gateway' },
      extractTraceContext(header),
    );
    if (span) spans.set(request, span);
    done();
  });
  fastify.addHook('preHandler', (request, _reply, done) => withActiveSpan(spans.get(request), done));
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    endSpan(spans.get(request), status >= 500 ? new Error(`HTTP ${status}`) : undefined, {
      'http.response.status_code': status,
    });
    done();
  });
}
