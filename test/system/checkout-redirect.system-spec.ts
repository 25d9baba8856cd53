import { DemoVariantIds as V } from '@app/contracts';
import { Browser } from 'playwright-core';
import request from 'supertest';
import { launchBrowser, payOnHostedPage } from '../support/browser';
import { complete, readyForCheckout } from '../support/checkout';
import { PaymentStack, startPaymentStack } from '../support/payment-stack';
import { TEST_CARDS } from '../support/psp-sandbox';
import { eventually } from '../support/test-environment';

describe('checkout with a redirect provider', () => {
  let stack: PaymentStack;
  let gateway: string;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startPaymentStack({}, { apps: ['catalog', 'cart', 'payment', 'order', 'gateway'] });
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
    const page = await browser.newPage();
    try {
      await payOnHostedPage(page, cart.payment_session.data.session_url, TEST_CARDS.success);
    } finally {
      await page.close();
    }
    await eventually(
      async () => (await request(gateway).get(`/store/orders/cart/${cart.id}`)).status === 200,
      15_000,
      'the order placed',
    );
    const again = await complete(gateway, cart.id, `pay-${cart.id}`).expect(200);
    expect(again.body).toMatchObject({
      type: 'order',
      data: { cart_id: cart.id, payment_status: 'captured' },
    });
  });

  it('a shopper who pays in the browser and never comes back still gets the order, from the notification', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.tote, quantity: 1 }],
      provider: 'cashier',
    });
    await complete(gateway, cart.id).expect(200);
    const page = await browser.newPage();
    try {
      await payOnHostedPage(page, cart.payment_session.data.session_url, TEST_CARDS.success);
      expect(await page.textContent('#result')).toBe('Payment successful');
    } finally {
      await page.close();
    }
    // Nobody calls complete again: the provider's notification finishes the checkout.
    await eventually(
      async () => (await request(gateway).get(`/store/orders/cart/${cart.id}`)).status === 200,
      15_000,
      'the order placed by the notification',
    );
    const { order } = (await request(gateway).get(`/store/orders/cart/${cart.id}`).expect(200)).body;
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
