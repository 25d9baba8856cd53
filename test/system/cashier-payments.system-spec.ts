import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { payHostedPage, Sandbox, TEST_CARDS } from '../support/psp-sandbox';
import { Json, storeCarts } from '../support/store-carts';
import { cartPayingWith, PaymentStack, paymentEvents, startPaymentStack } from '../support/payment-stack';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';
import { SANDBOX_KEYS } from '../../tools/psp-sandbox/src/sandbox-keys';

const EUROPE = DemoRegionIds.europe;

describe('hosted cashier (seed 003) through the sandbox', () => {
  let stack: PaymentStack;
  let sandbox: Sandbox;
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;

  /** A Europe cart with a tote, paying with the cashier: the selected session. */
  const cashierCart = (): Promise<Json> =>
    cartPayingWith(gateway, 'cashier', EUROPE, [{ variant_id: V.tote, quantity: 1 }]);
  const sessionOf = async (cartId: string): Promise<Json> => (await carts.get(cartId)).payment_session;
  const events = (type: string, sessionId: string) => paymentEvents(env, type, sessionId);

  beforeAll(async () => {
    stack = await startPaymentStack({ PAYMENT_EXPIRY_SWEEP_MS: '200' });
    ({ sandbox, env, gateway, carts } = stack);
  });
  afterAll(() => stack.close());

  it('switching to another provider selects it alone, and voids the hosted session', async () => {
    const cart = await cashierCart();
    const hosted = cart.payment_session;
    const switched = (
      await request(gateway)
        .post(`/store/carts/${cart.id}/payment-session`)
        .send({ provider_id: 'manual' })
        .expect(200)
    ).body.cart;
    expect(switched.payment_session).toMatchObject({
      provider_id: 'manual',
      is_selected: true,
      is_initiated: true,
    });
    const byProvider = Object.fromEntries(
      switched.payment_sessions.map((session: Json) => [session.provider_id, session]),
    );
    expect(byProvider.cashier).toMatchObject({
      id: hosted.id,
      is_selected: null,
      is_initiated: false,
      status: 'pending',
    });
    const selected = await env.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM cart.payment_session WHERE cart_id = $1 AND is_selected',
      [cart.id],
    );
    expect(selected).toEqual([{ n: 1 }]);
    const attempts = await env.sql<{ status: string }>(
      'SELECT status FROM payment.attempt WHERE session_id = $1',
      [hosted.id],
    );
    expect(attempts).toEqual([{ status: 'voided' }]);
  });

  it('opens a hosted session: requires_more, with the page to pay on', async () => {
    const cart = await cashierCart();
    expect(medusaSchemaErrors('StoreCartsRes', { cart })).toBeNull();
    const session = cart.payment_session;
    expect(session).toMatchObject({ provider_id: 'cashier', status: 'requires_more', amount: 2040 });
    expect(session.data.session_url).toMatch(new RegExp(`^${sandbox.url}/checkout/CS\\d+$`));
    expect(session.data.trans_id).toMatch(/^ptx_/);
    const page = await request(sandbox.url).get(new URL(session.data.session_url).pathname).expect(200);
    expect(page.text).toContain('EUR 20.40');
    expect(page.text).toContain('Canvas Tote');
  });

  it('a paid page authorizes the session through the signed notification, once', async () => {
    const cart = await cashierCart();
    const paid = await payHostedPage(cart.payment_session.data.session_url, TEST_CARDS.success);
    expect(paid.status).toBe(303);
    const back = new URL(paid.headers.location);
    expect(back.searchParams.get('status')).toBe('SUCCESS');
    expect(back.searchParams.get('trans_id')).toBe(cart.payment_session.data.trans_id);
    await eventually(
      async () => (await sessionOf(cart.id)).status === 'authorized',
      10_000,
      'session authorized',
    );
    expect((await sessionOf(cart.id)).payment_authorized_at).toEqual(expect.any(String));
    expect(await events('payment.session-authorized', cart.payment_session.id)).toHaveLength(1);
    const deliveries = sandbox.notifier.deliveries.filter((delivery) =>
      delivery.url.includes('/hooks/payments/cashier'),
    );
    expect(deliveries.at(-1)).toMatchObject({ status: 200 });
  });

  it('a declined card leaves the session unpaid (error) with a clear message; another card then pays', async () => {
    const cart = await cashierCart();
    const url = cart.payment_session.data.session_url;
    const declined = await payHostedPage(url, TEST_CARDS.declined);
    expect(declined.status).toBe(402);
    expect(declined.text).toContain('Your card was declined.');
    await eventually(async () => (await sessionOf(cart.id)).status === 'error', 10_000, 'session error');
    const poor = await payHostedPage(url, TEST_CARDS.insufficientFunds);
    expect(poor.text).toContain('insufficient funds');
    await payHostedPage(url, TEST_CARDS.success).expect(303);
    await eventually(
      async () => (await sessionOf(cart.id)).status === 'authorized',
      10_000,
      'session authorized',
    );
  });

  it('a new total closes the open page and opens another for the new amount', async () => {
    const cart = await cashierCart();
    const old = cart.payment_session.data;
    const changed = await carts.add(cart.id, V.tote, 1);
    expect(changed.payment_session).toMatchObject({ amount: 4080, status: 'requires_more' });
    expect(changed.payment_session.data.session_url).not.toBe(old.session_url);
    const closed = await payHostedPage(old.session_url, TEST_CARDS.success);
    expect(closed.status).toBe(200);
    expect(closed.text).toContain('closed by the shop');
    const page = await request(sandbox.url).get(new URL(changed.payment_session.data.session_url).pathname);
    expect(page.text).toContain('EUR 40.80');
  });

  it('money left on an attempt nobody stands behind is found and refunded by the reconciler', async () => {
    const cart = await cashierCart();
    const session = cart.payment_session;
    await payHostedPage(session.data.session_url, TEST_CARDS.success).expect(303);
    await eventually(async () => (await sessionOf(cart.id)).status === 'authorized', 10_000, 'paid');
    // As if the cart had moved on and the refund had not reached the cashier then.
    await env.sql('UPDATE payment.session SET current_attempt_id = NULL WHERE id = $1', [session.id]);
    await eventually(
      async () =>
        (
          await env.sql<{ status: string }>('SELECT status FROM payment.attempt WHERE id = $1', [
            session.data.trans_id,
          ])
        )[0].status === 'refunded',
      10_000,
      'reconciled',
    );
    expect((await sandboxQuery(sandbox, session.data.trans_id)).payment_status).toBe('REFUNDED');
    expect(await events('payment.refunded', session.id)).toHaveLength(1);
  });

  // Last: it stops this suite's payment app.
  it('money paid on a page the cart moved on from is refunded, never kept', async () => {
    const cart = await cashierCart();
    const old = cart.payment_session;
    // The notification of this payment is lost for now: the payment app is down when it is sent.
    await env.stop('payment');
    await payHostedPage(old.data.session_url, TEST_CARDS.success).expect(303);
    const payment = await createTestEnvironment({
      apps: ['payment'],
      env: { ...pick(env.env, ['PSP_BASE_URL', 'PUBLIC_BASE_URL', 'DATABASE_URL', 'NATS_URL']) },
    });
    try {
      // The cart moves on (another amount) before the retried notification arrives.
      const changed = await carts.add(cart.id, V.mugWhite, 1);
      expect(changed.payment_session.amount).not.toBe(old.amount);
      await eventually(
        async () =>
          (
            await env.sql<{ status: string }>('SELECT status FROM payment.attempt WHERE id = $1', [
              old.data.trans_id,
            ])
          )[0].status === 'refunded',
        15_000,
        'the superseded payment refunded',
      );
      expect(await events('payment.refunded', old.id)).toHaveLength(1);
      const query = await sandboxQuery(sandbox, old.data.trans_id);
      expect(query.payment_status).toBe('REFUNDED');
      expect((await sessionOf(cart.id)).status).toBe('requires_more');
    } finally {
      await payment.close();
    }
  });
});

function pick(env: Record<string, string | undefined>, keys: string[]): Record<string, string | undefined> {
  return Object.fromEntries(keys.map((key) => [key, env[key]]));
}

/** The sandbox's view of a transaction, through its signed query API. */
async function sandboxQuery(sandbox: Sandbox, transId: string): Promise<Json> {
  const { signedHeaders } = await import('../../tools/psp-sandbox/src/hmac-signature');
  const body = JSON.stringify({ merchant_id: SANDBOX_KEYS.cashier.merchantId, trans_id: transId });
  const response = await request(sandbox.url)
    .post('/payments/session/query')
    .set({
      'content-type': 'application/json',
      ...signedHeaders(SANDBOX_KEYS.cashier.apiSecret, body),
    })
    .send(body)
    .expect(200);
  return response.body;
}
