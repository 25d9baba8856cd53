import { DemoVariantIds as V } from '@app/contracts';
import { installTracing, shutdownTracing } from '@app/platform';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ALL_APPS } from '../support/admin';
import { readyForCheckout } from '../support/checkout';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

/**
 * OpenTelemetry traces, recorded in memory: one store request is one trace, from the gateway through
 * NATS (`traceparent` in the command's headers) into every app it reaches and their SQL, and on
 * through JetStream (the event envelope's `traceparent`) into the apps that consume its events.
 */
describe('traces: gateway → apps over NATS → Postgres, in one trace', () => {
  const exporter = new InMemorySpanExporter();
  let env: TestEnvironment;
  let gateway: string;

  beforeAll(async () => {
    installTracing('checkout-test', [new SimpleSpanProcessor(exporter)]);
    env = await createTestEnvironment({ apps: ALL_APPS, freshDatabase: true });
    gateway = env.url('gateway');
  });
  afterAll(async () => {
    await env?.close();
    await shutdownTracing();
  });

  const spansOf = (traceId: string) =>
    exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
  const app = (span: ReadableSpan) => span.attributes['checkout.app'];
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  it("continues the storefront's trace through the cart, payment, order and catalog apps and their SQL", async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity: 1 }],
      provider: 'manual',
    });
    const traceId = randomBytes(16).toString('hex');
    const parentId = randomBytes(8).toString('hex');
    await request(gateway)
      .post(`/store/carts/${cart.id}/complete`)
      .set('traceparent', `00-${traceId}-${parentId}-01`)
      .expect(200);

    // The order app's mail and the catalog's stock follow the order.placed event: the same trace.
    await eventually(
      async () =>
        spansOf(traceId).some(
          (span) => app(span) === 'notification' && span.name === 'events.order.placed process',
        ),
      15_000,
      'the notification app consuming order.placed in the trace',
    );
    const spans = spansOf(traceId);
    const http = spans.find((span) => span.name === 'POST /store/carts/:id/complete');
    expect(http).toBeDefined();
    expect(parentOf(http!)).toBe(parentId);
    expect(http!.attributes['http.response.status_code']).toBe(200);

    const handled = new Set(spans.filter((span) => span.name.endsWith(' process')).map(app));
    expect([...handled]).toEqual(
      expect.arrayContaining(['cart', 'payment', 'order', 'catalog', 'notification']),
    );
    // Each command handled is the child of the span that sent it.
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const completeCart = spans.find((span) => span.name === 'cart.cart.complete process')!;
    const sent = byId.get(parentOf(completeCart)!)!;
    expect(sent.name).toBe('cart.cart.complete send');
    expect(app(sent)).toBe('gateway');
    expect(parentOf(sent)).toBe(http!.spanContext().spanId);
    for (const subject of ['payment.session.authorize', 'order.order.create-from-cart']) {
      const processed = spans.find((span) => span.name === `${subject} process`);
      expect({ subject, sentBy: app(byId.get(parentOf(processed!)!)!) }).toEqual({ subject, sentBy: 'cart' });
    }
    // SQL inside the handlers, with its statement and no values.
    const sql = spans.filter((span) => span.attributes['db.system'] === 'postgresql');
    const sqlApps = new Set(sql.map((span) => app(byId.get(parentOf(span)!) ?? span)));
    expect([...sqlApps]).toEqual(expect.arrayContaining(['cart', 'payment', 'order']));
    expect(sql.some((span) => /INSERT INTO "?order"?\./i.test(String(span.attributes['db.statement'])))).toBe(
      true,
    );
    expect(spans.every((span) => !String(span.attributes['db.statement'] ?? '').includes(cart.email))).toBe(
      true,
    );
  });

  it('starts a trace of its own for a request that brings none, and marks a failed request', async () => {
    exporter.reset();
    await request(gateway).get('/store/carts/cart_01NOPE00000000000000000000').expect(404);
    const [span] = exporter
      .getFinishedSpans()
      .filter((candidate) => candidate.name === 'GET /store/carts/:id');
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.attributes['http.response.status_code']).toBe(404);
    const sent = exporter
      .getFinishedSpans()
      .find(
        (candidate) =>
          candidate.name === 'cart.cart.get process' &&
          candidate.spanContext().traceId === span.spanContext().traceId,
      );
    expect(sent?.attributes['checkout.outcome']).toBe('not_found');
  });
});
