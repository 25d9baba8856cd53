import { DemoVariantIds as V, PaymentCommands } from '@app/contracts';
import { APP_NAMES, AppName, natsServerAuthorization } from '@app/platform';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, NatsConnection } from 'nats';
import request from 'supertest';
import { adminHeaders, ALL_APPS } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { TestNatsServer } from '../support/nats-server';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';
import { localTlsCertificates } from '../support/tls-certificates';

/**
 * The whole store on a NATS server configured as production's: TLS, and one user per app with the
 * subjects of `natsPermissions` (the server reads the generated authorization block). A checkout,
 * a capture and a refund run through it without one refused publish or subscription; an app that
 * tries another's commands or events is refused by the server.
 */
describe('NATS users per app, with subject permissions, over TLS', () => {
  const tls = localTlsCertificates();
  // A password begins with a letter: nats-server reads `$VARIABLE` values as configuration values, and
  // one that begins with a digit as a number, which it refuses.
  const passwords = Object.fromEntries(
    APP_NAMES.map((app) => [app, `p${randomBytes(12).toString('hex')}`]),
  ) as Record<AppName, string>;
  let server: TestNatsServer;
  let env: TestEnvironment;
  let gateway: string;
  const clients: NatsConnection[] = [];

  const connectAs = async (user: string, password: string, options: { tls?: boolean } = {}) => {
    const nc = await connect({
      servers: server.url,
      user,
      pass: password,
      inboxPrefix: `_INBOX_${user}`,
      ...(options.tls === false ? {} : { tls: { caFile: tls.ca } }),
    });
    clients.push(nc);
    return nc;
  };
  const violations = () =>
    readFileSync(server.logFile, 'utf8')
      .split('\n')
      .filter((line) => /Violation/.test(line));

  beforeAll(async () => {
    server = await TestNatsServer.start(undefined, {
      config: `tls {\n  cert_file: "${tls.cert}"\n  key_file: "${tls.key}"\n}\n${natsServerAuthorization()}`,
      env: Object.fromEntries(APP_NAMES.map((app) => [`${app.toUpperCase()}_NATS_PASSWORD`, passwords[app]])),
    });
    env = await createTestEnvironment({
      apps: ALL_APPS,
      freshDatabase: true,
      env: { NATS_URL: server.url, NATS_TLS_CA: tls.ca, NATS_PASSWORD: passwords.gateway },
      appEnv: Object.fromEntries(APP_NAMES.map((app) => [app, { NATS_PASSWORD: passwords[app] }])),
    });
    gateway = env.url('gateway');
  });
  afterAll(async () => {
    for (const nc of clients) await nc.close();
    await env?.close();
    await server?.destroy();
  });

  it('checks out, captures and refunds with every app on its own user, nothing refused', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity: 1 }],
      provider: 'manual',
    });
    const order = (await complete(gateway, cart.id).expect(200)).body.data;
    const admin = await adminHeaders(gateway);
    await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    const refunded = await request(gateway)
      .post(`/admin/orders/${order.id}/refund`)
      .set(admin)
      .send({ amount: 100, reason: 'discount' })
      .expect(200);
    expect(refunded.body.order).toMatchObject({ payment_status: 'partially_refunded', refunded_total: 100 });
    // Events flowed through JetStream to their consumers: the stock was taken, the mail job queued.
    await eventually(
      async () =>
        (
          await env.sql<{ n: string }>(
            `SELECT count(*) AS n FROM notification.inbox WHERE consumer LIKE 'notification-mail-%'`,
          )
        )[0].n !== '0',
      15_000,
      'the notification app consuming order events',
    );
    expect(violations()).toEqual([]);
  });

  it('refuses a refund asked by an app that does not send refunds, and an event of another app', async () => {
    const notification = await connectAs('notification', passwords.notification);
    await expect(
      notification.request(PaymentCommands.refundSession.subject, new Uint8Array(), { timeout: 2_000 }),
    ).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    const order = await connectAs('order', passwords.order);
    const forged = order.jetstream().publish('events.payment.refunded', new Uint8Array(), { timeout: 2_000 });
    await expect(forged).rejects.toThrow();
    expect(violations().join('\n')).toMatch(/User "notification", Subject "payment\.session\.refund"/);
    expect(violations().join('\n')).toMatch(/User "order", Subject "events\.payment\.refunded"/);
  });

  it("refuses reading another app's commands, a wrong password and a connection without TLS", async () => {
    const cart = await connectAs('cart', passwords.cart);
    const errors: string[] = [];
    cart.subscribe('payment.>', { callback: (error) => error && errors.push(error.message) });
    await cart.flush();
    await eventually(async () => errors.length > 0, 5_000, 'the refused subscription');
    expect(errors[0]).toMatch(/Permissions Violation for Subscription to "payment\.>"/);
    await expect(connectAs('payment', passwords.cart)).rejects.toMatchObject({
      code: 'AUTHORIZATION_VIOLATION',
    });
    await expect(connectAs('payment', passwords.payment, { tls: false })).rejects.toThrow();
  });
});
