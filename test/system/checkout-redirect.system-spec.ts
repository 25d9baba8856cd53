import { DemoVariantIds as V } from '@app/contracts';
import { Browser } from 'playwright-core';
import request from 'supertest';
import { launchBrowser, payInNewTab } from '../support/browser';
import { complete, completeRetrying, placedOrder, readyForCheckout } from '../support/checkout';
import { PaymentStack, startPaymentStack } from '../support/payment-stack';
import { TEST_CARDS } from '../support/psp-sandbox';
import { eventually } from '../support/test-environment';

describe('checkout with a redirect provider', () => {
  let stack: PaymentStack;
  let gateway: string;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startPaymentStack(
      { PAYMENT_EXPIRY_SWEEP_MS: '200' },
      { apps: ['catalog', 'cart', 'payment', 'order', 'gateway'] },
    );
    gateway = stack.gateway;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack.close();
  });

  it('completing before paying answers requires_more; the same key completes once paid', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity: 1 }],
      provider: 'cashier',
    });
    const first = await complete(gateway, cart.id, `pay-${cart.id}`).expect(200);
    expect(first.body).toMatchObject({
      type: 'cart',
      payment_status: 'requires_more',
      data: { id: cart.id },
    });
    await payInNewTab(browser, cart.payment_session.data.session_url, TEST_CARDS.success);
    await placedOrder(gateway, cart.id);
    // The notification's completion may still be finishing: a 409 then, which the client retries.
    const again = await completeRetrying(gateway, cart.id, `pay-${cart.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      type: 'order',
      data: { cart_id: cart.id, payment_status: 'captured' },
    });
  });

  it('an unpaid session expires: its page closes, the reservation is given back, a refresh pays anew', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.teaSet, quantity: 1 }],
      provider: 'cashier',
    });
    expect((await complete(gateway, cart.id).expect(200)).body.type).toBe('cart');
    const held = () =>
      stack.env.sql(`SELECT id FROM catalog.reservation WHERE reservation_key = $1 AND status = 'reserved'`, [
        cart.id,
      ]);
    expect(await held()).toHaveLength(1);
    // The window passes (two days by default).
    await stack.env.sql(
      `UPDATE payment.attempt SET expires_at = now() - interval '1 second' WHERE cart_id = $1`,
      [cart.id],
    );
    await eventually(async () => (await held()).length === 0, 10_000, 'reservation released');
    const expired = (await request(gateway).get(`/store/carts/${cart.id}`).expect(200)).body.cart;
    expect(expired.payment_session.status).toBe('canceled');
    const old = await request(stack.sandbox.url).get(new URL(cart.payment_session.data.session_url).pathname);
    expect(old.text).toContain('closed by the shop');

    const refreshed = (
      await request(gateway).post(`/store/carts/${cart.id}/payment-sessions/cashier/refresh`).expect(200)
    ).body.cart.payment_session;
    expect(refreshed.status).toBe('requires_more');
    await payInNewTab(browser, refreshed.data.session_url, TEST_CARDS.success);
    await eventually(
      async () =>
        (await request(gateway).get(`/store/carts/${cart.id}`)).body.cart.payment_session.status ===
        'authorized',
      10_000,
      'paid',
    );
    expect((await complete(gateway, cart.id).expect(200)).body.type).toBe('order');
  });

  it('a shopper who pays in the browser and never comes back still gets the order, from the notification', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.tote, quantity: 1 }],
      provider: 'cashier',
    });
    await complete(gateway, cart.id).expect(200);
    expect(await payInNewTab(browser, cart.payment_session.data.session_url, TEST_CARDS.success)).toBe(
      'Payment successful',
    );
    // Nobody calls complete again: the provider's notification finishes the checkout.
    const order = await placedOrder(gateway, cart.id);
    expect(order).toMatchObject({ payment_status: 'captured', total: cart.total, paid_total: cart.total });
    const orders = await stack.env.sql('SELECT id FROM "order"."order" WHERE cart_id = $1', [cart.id]);
    expect(orders).toHaveLength(1);
    // Seed 001: paid online, with the cashier's session number for reconciliation and the expiry.
    const { payments } = (await request(gateway).get(`/store/orders/${order.id}/payments`).expect(200)).body;
    expect(payments).toEqual([
      expect.objectContaining({
        status: 'paid',
        mode: 'online',
        is_available: true,
        gateway_payment_no: expect.stringMatching(/^CS\d+$/),
        exipired_at: expect.any(String),
        payment_method: expect.objectContaining({ gateway: 'cashier', payment_method_type: 'online' }),
      }),
    ]);
  });
});
