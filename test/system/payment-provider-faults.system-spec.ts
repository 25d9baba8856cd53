import { DemoRegionIds, DemoVariantIds as V, PaymentCommands } from '@app/contracts';
import request from 'supertest';
import { payHostedPage, Sandbox, TEST_CARDS } from '../support/psp-sandbox';
import { storeCarts } from '../support/store-carts';
import {
  cartPayingWith,
  cartWithSessions,
  PaymentStack,
  paymentEvents,
  startPaymentStack,
} from '../support/payment-stack';
import { eventually, TestEnvironment } from '../support/test-environment';

const TOTE = [{ variant_id: V.tote, quantity: 1 }];

describe('a payment provider that answers late or not at all', () => {
  let stack: PaymentStack;
  let sandbox: Sandbox;
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;

  beforeAll(async () => {
    stack = await startPaymentStack({ PROVIDER_TIMEOUT_MS: '300' });
    ({ sandbox, env, gateway, carts } = stack);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    sandbox.faults.delayMs = 0;
    sandbox.faults.dropNotifications = false;
  });

  it('a timed-out session create is a retryable 504; the retry settles on the same provider session', async () => {
    const cart = await cartWithSessions(gateway, DemoRegionIds.europe, TOTE);
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
    const authorized = await paymentEvents(env, 'payment.session-authorized', session.id);
    expect(authorized).toHaveLength(1);
  });

  it('a payment whose notification never came is settled by asking the provider, once', async () => {
    const cart = await cartPayingWith(gateway, 'cashier', DemoRegionIds.europe, TOTE);
    const session = cart.payment_session;
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
    const authorized = await paymentEvents(env, 'payment.session-authorized', session.id);
    expect(authorized).toHaveLength(1);
  });

  it('an unreachable provider is a retryable 503, and nothing is opened', async () => {
    const cart = await cartWithSessions(gateway, DemoRegionIds.europe, TOTE);
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
      sandbox = stack.sandbox = await startSandboxOn(Number(port));
    }
  });
});

async function startSandboxOn(port: number): Promise<Sandbox> {
  const { startSandbox } = await import('../../tools/psp-sandbox/src/sandbox-server');
  return startSandbox({ port, notifyBackoffMs: [300, 600] });
}
