import { DemoRegionIds, DemoVariantIds as V, PaymentCommands } from '@app/contracts';
import request from 'supertest';
import { freePort } from '../support/ports';
import { payHostedPage, Sandbox, startTestSandbox, TEST_CARDS } from '../support/psp-sandbox';
import { storeCarts } from '../support/store-carts';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

describe('a payment provider that answers late or not at all', () => {
  let sandbox: Sandbox;
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const gatewayPort = await freePort();
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'payment', 'gateway'],
      ports: { gateway: gatewayPort },
      env: {
        PSP_BASE_URL: sandbox.url,
        PUBLIC_BASE_URL: `http://127.0.0.1:${gatewayPort}`,
        PROVIDER_TIMEOUT_MS: '300',
      },
    });
    gateway = env.url('gateway');
    carts = storeCarts(gateway);
  });
  afterAll(async () => {
    await env.close();
    await sandbox.close();
  });
  afterEach(() => {
    sandbox.faults.delayMs = 0;
    sandbox.faults.dropNotifications = false;
  });

  it('a timed-out session create is a retryable 504; the retry settles on the same provider session', async () => {
    const cart = await carts.create({
      region_id: DemoRegionIds.europe,
      items: [{ variant_id: V.tote, quantity: 1 }],
    });
    await request(gateway).post(`/store/carts/${cart.id}/payment-sessions`).expect(200);
    const select = () =>
      request(gateway)
        .post(`/store/carts/${cart.id}/payment-session`)
        .set('Idempotency-Key', `select-${cart.id}`)
        .send({ provider_id: 'cashier' });

    sandbox.faults.delayMs = 800;
    const late = await select();
    expect(late.status).toBe(504);
    expect(late.body).toMatchObject({ type: 'unexpected_state', code: 'provider_timeout' });
    const [pending] = await env.sql<{ id: string; status: string }>(
      'SELECT id, status FROM payment.attempt WHERE cart_id = $1',
      [cart.id],
    );
    expect(pending.status).toBe('initiating');
    // The cart did not record a half-open session.
    expect((await carts.get(cart.id)).payment_session).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 800));
    sandbox.faults.delayMs = 0;
    const retried = await select().expect(200);
    const session = retried.body.cart.payment_session;
    expect(session).toMatchObject({ provider_id: 'cashier', status: 'requires_more' });
    expect(session.data.trans_id).toBe(pending.id);
    const attempts = await env.sql('SELECT id FROM payment.attempt WHERE cart_id = $1', [cart.id]);
    expect(attempts).toHaveLength(1);

    await payHostedPage(session.data.session_url, TEST_CARDS.success).expect(303);
    await eventually(
      async () => (await carts.get(cart.id)).payment_session.status === 'authorized',
      10_000,
      'authorized',
    );
    const authorized = await env.sql(
      `SELECT id FROM payment.outbox WHERE subject = 'events.payment.session-authorized' AND envelope->>'aggregate_id' = $1`,
      [session.id],
    );
    expect(authorized).toHaveLength(1);
  });

  it('a payment whose notification never came is settled by asking the provider, once', async () => {
    const cart = await carts.create({
      region_id: DemoRegionIds.europe,
      items: [{ variant_id: V.tote, quantity: 1 }],
    });
    await request(gateway).post(`/store/carts/${cart.id}/payment-sessions`).expect(200);
    const { payment_session: session } = (
      await request(gateway)
        .post(`/store/carts/${cart.id}/payment-session`)
        .send({ provider_id: 'cashier' })
        .expect(200)
    ).body.cart;
    const authorize = () =>
      env.commands.request(PaymentCommands.authorizeSession, { session_id: session.id });
    expect((await authorize()).status).toBe('requires_more');
    sandbox.faults.dropNotifications = true;
    await payHostedPage(session.data.session_url, TEST_CARDS.success).expect(303);
    expect(await authorize()).toMatchObject({ status: 'authorized', amount: 2040 });
    expect(await authorize()).toMatchObject({ status: 'authorized' });
    await eventually(
      async () => (await carts.get(cart.id)).payment_session.status === 'authorized',
      10_000,
      'authorized',
    );
    const authorized = await env.sql(
      `SELECT id FROM payment.outbox WHERE subject = 'events.payment.session-authorized' AND envelope->>'aggregate_id' = $1`,
      [session.id],
    );
    expect(authorized).toHaveLength(1);
  });

  it('an unreachable provider is a retryable 503, and nothing is opened', async () => {
    const cart = await carts.create({
      region_id: DemoRegionIds.europe,
      items: [{ variant_id: V.tote, quantity: 1 }],
    });
    await request(gateway).post(`/store/carts/${cart.id}/payment-sessions`).expect(200);
    const port = new URL(sandbox.url).port;
    await sandbox.app.close();
    try {
      const down = await request(gateway)
        .post(`/store/carts/${cart.id}/payment-session`)
        .send({ provider_id: 'cashier' });
      expect(down.status).toBe(503);
      expect(down.headers['retry-after']).toBe('1');
      expect(down.body).toMatchObject({ code: 'provider_unavailable' });
      expect((await carts.get(cart.id)).payment_session).toBeNull();
    } finally {
      sandbox = await startSandboxOn(Number(port));
    }
  });
});

async function startSandboxOn(port: number): Promise<Sandbox> {
  const { startSandbox } = await import('../../tools/psp-sandbox/src/sandbox-server');
  return startSandbox({ port, notifyBackoffMs: [300, 600] });
}
