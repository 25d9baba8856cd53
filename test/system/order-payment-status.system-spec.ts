import { DemoVariantIds as V, PaymentCommands } from '@app/contracts';
import { Browser } from 'playwright-core';
import request from 'supertest';
import { launchBrowser, payInNewTab } from '../support/browser';
import { complete, placedOrder, readyForCheckout } from '../support/checkout';
import { PaymentStack, paymentEvents, startPaymentStack } from '../support/payment-stack';
import { TEST_CARDS } from '../support/psp-sandbox';
import { Json } from '../support/store-carts';
import { eventually, TestEnvironment } from '../support/test-environment';

/** An order's status follows what happens to its payment after the order is placed. */
describe('orders follow their payments: capture, refunds, cancellation', () => {
  let stack: PaymentStack;
  let env: TestEnvironment;
  let gateway: string;
  let browser: Browser;

  const order = async (id: string): Promise<Json> =>
    (await request(gateway).get(`/store/orders/${id}`).expect(200)).body.order;
  const placedWith = async (
    provider: string,
    variant: string = V.mugWhite,
  ): Promise<{ order: Json; sessionId: string }> => {
    const cart = await readyForCheckout(gateway, { items: [{ variant_id: variant, quantity: 1 }], provider });
    if (provider === 'cashier') {
      await complete(gateway, cart.id).expect(200);
      await payInNewTab(browser, cart.payment_session.data.session_url, TEST_CARDS.success);
      return {
        order: await placedOrder(gateway, cart.id),
        sessionId: cart.payment_session.id,
      };
    }
    return {
      order: (await complete(gateway, cart.id).expect(200)).body.data,
      sessionId: cart.payment_session.id,
    };
  };
  const until = (what: string, check: () => Promise<boolean>) => eventually(check, 10_000, what);

  beforeAll(async () => {
    stack = await startPaymentStack(
      { CASHIER_CAPTURE_METHOD: 'MANUAL' },
      { freshDatabase: true, apps: ['catalog', 'cart', 'payment', 'order', 'gateway'] },
    );
    ({ env, gateway } = stack);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack.close();
  });

  it('an authorized (manual) payment captured later makes the order paid, once', async () => {
    const { order: placed, sessionId } = await placedWith('manual');
    expect(placed.payment_status).toBe('awaiting');
    const capture = () => env.commands.request(PaymentCommands.captureSession, { session_id: sessionId });
    expect(await capture()).toMatchObject({ captured: true });
    await capture();
    await until('captured', async () => (await order(placed.id)).payment_status === 'captured');
    const { payments } = (await request(gateway).get(`/store/orders/${placed.id}/payments`).expect(200)).body;
    expect(payments[0]).toMatchObject({ status: 'paid' });
    expect(
      await env.sql(
        `SELECT id FROM "order".outbox WHERE subject = 'events.order.paid' AND envelope->>'aggregate_id' = $1`,
        [placed.id],
      ),
    ).toHaveLength(1);
  });

  it('a cashier that only authorizes (capture method MANUAL): awaiting until the shop captures', async () => {
    const { order: placed, sessionId } = await placedWith('cashier');
    expect(placed.payment_status).toBe('awaiting');
    await env.commands.request(PaymentCommands.captureSession, { session_id: sessionId });
    await until('captured', async () => (await order(placed.id)).payment_status === 'captured');
  });

  it('refunds: partially refunded, then refunded; a repeated refund id refunds once', async () => {
    const { order: placed, sessionId } = await placedWith('manual');
    await env.commands.request(PaymentCommands.captureSession, { session_id: sessionId });
    const refund = (amount: number, refund_id: string) =>
      env.commands.request(PaymentCommands.refundSession, { session_id: sessionId, amount, refund_id });
    await refund(1000, `r1-${sessionId}`);
    await refund(1000, `r1-${sessionId}`);
    await until(
      'partially refunded',
      async () => (await order(placed.id)).payment_status === 'partially_refunded',
    );
    expect(await order(placed.id)).toMatchObject({
      refunded_total: 1000,
      refundable_amount: placed.total - 1000,
    });
    await expect(refund(placed.total, `r-too-much-${sessionId}`)).rejects.toMatchObject({
      type: 'invalid_data',
    });
    await refund(placed.total - 1000, `r2-${sessionId}`);
    await until('refunded', async () => (await order(placed.id)).payment_status === 'refunded');
    expect(await paymentEvents(env, 'payment.refunded', sessionId)).toHaveLength(2);
  });

  it('a payment canceled before capture cancels the order and puts its items back on the shelf', async () => {
    const stocked = async () =>
      (
        await env.sql<{ stocked_quantity: number }>(
          'SELECT stocked_quantity FROM catalog.inventory_level WHERE variant_id = $1',
          [V.teaSet],
        )
      )[0].stocked_quantity;
    const before = await stocked();
    const { order: placed, sessionId } = await placedWith('manual', V.teaSet);
    expect(await stocked()).toBe(before - 1);
    await env.commands.request(PaymentCommands.cancelSession, { session_id: sessionId });
    await until('canceled', async () => (await order(placed.id)).status === 'canceled');
    expect(await order(placed.id)).toMatchObject({
      payment_status: 'canceled',
      canceled_at: expect.any(String),
    });
    await until('restocked', async () => (await stocked()) === before);
    const { payments } = (await request(gateway).get(`/store/orders/${placed.id}/payments`).expect(200)).body;
    expect(payments[0]).toMatchObject({ status: 'expired', is_available: false });
  });

  it('stock gone by the time a paid cart completes: no order, the money given back (voided: this cashier only authorizes), Medusa’s 409', async () => {
    const paid = await readyForCheckout(gateway, {
      items: [{ variant_id: V.hoodieLargeNavy, quantity: 2 }],
      provider: 'cashier',
    });
    await payInNewTab(browser, paid.payment_session.data.session_url, TEST_CARDS.success);
    await until(
      'paid',
      async () =>
        (await request(gateway).get(`/store/carts/${paid.id}`)).body.cart.payment_session.status ===
        'authorized',
    );
    // Someone else buys the last two first.
    const other = await readyForCheckout(gateway, {
      items: [{ variant_id: V.hoodieLargeNavy, quantity: 2 }],
    });
    await complete(gateway, other.id).expect(200);

    const refused = await complete(gateway, paid.id).expect(409);
    expect(refused.body.errors[0]).toMatchObject({ type: 'not_allowed', code: 'insufficient_inventory' });
    await request(gateway).get(`/store/orders/cart/${paid.id}`).expect(404);
    const [attempt] = await env.sql<{ status: string }>(
      'SELECT status FROM payment.attempt WHERE session_id = $1',
      [paid.payment_session.id],
    );
    expect(attempt.status).toBe('voided');
    expect(await paymentEvents(env, 'payment.canceled', paid.payment_session.id)).toHaveLength(1);
    const after = (await request(gateway).get(`/store/carts/${paid.id}`).expect(200)).body.cart;
    expect(after.completed_at).toBeNull();
    expect(after.payment_sessions.find((session: Json) => session.provider_id === 'cashier')).toMatchObject({
      is_initiated: false,
      status: 'pending',
    });
  });
});
