import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { launchBrowser, payOnHostedPage, typeCard } from '../support/browser';
import { CHALLENGE_CODE, TEST_CARDS } from '../support/psp-sandbox';
import { Json, storeCarts } from '../support/store-carts';
import { cartPayingWith, PaymentStack, startPaymentStack } from '../support/payment-stack';
import { eventually } from '../support/test-environment';
import { readyForCheckout } from '../support/checkout';
import { signedUpCustomer } from '../support/customers';

describe('a shopper pays on the hosted cashier page, in a real browser', () => {
  let stack: PaymentStack;
  let browser: Browser;
  let page: Page;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;

  /** The storefront's side, through the store API: a cart with an item, paying with the cashier. */
  const checkoutWithCashier = async (): Promise<Json> => {
    return cartPayingWith(gateway, 'cashier', DemoRegionIds.europe, [
      { variant_id: V.mugWhite, quantity: 2 },
    ]);
  };

  beforeAll(async () => {
    stack = await startPaymentStack({}, { apps: ['catalog', 'cart', 'payment', 'customer', 'gateway'] });
    ({ gateway, carts } = stack);
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());
  afterAll(async () => {
    await browser?.close();
    await stack.close();
  });

  it('pays with the success card, lands on the return page, and the session is authorized', async () => {
    const cart = await checkoutWithCashier();
    const session = cart.payment_session;
    expect(session.status).toBe('requires_more');
    await page.goto(session.data.session_url);
    // Two mugs at the tier price: 2 × €13.00 + 20 % VAT.
    expect(await page.textContent('#amount')).toBe('EUR 31.20');
    await payOnHostedPage(page, session.data.session_url, TEST_CARDS.success);
    expect(new URL(page.url()).pathname).toBe('/result');
    expect(await page.textContent('#result')).toBe('Payment successful');
    expect(await page.textContent('#trans_id')).toBe(session.data.trans_id);
    await eventually(
      async () => (await carts.get(cart.id)).payment_session.status === 'authorized',
      10_000,
      'session authorized',
    );
  });

  it('a card that asks for 3-D Secure shows the challenge; the code pays, and a wrong one is declined', async () => {
    const cart = await checkoutWithCashier();
    const session = cart.payment_session;
    await payOnHostedPage(page, session.data.session_url, TEST_CARDS.challenge);
    expect(await page.textContent('#challenge')).toBe('Verify it is you');
    await page.fill('#code', '000000');
    await Promise.all([page.waitForLoadState('load'), page.click('#verify')]);
    expect(await page.textContent('[role=alert]')).toContain('3-D Secure');
    await eventually(
      async () => (await carts.get(cart.id)).payment_session.status === 'error',
      10_000,
      'declined',
    );

    await payOnHostedPage(page, session.data.session_url, TEST_CARDS.challenge);
    await page.fill('#code', CHALLENGE_CODE);
    await Promise.all([page.waitForURL(/\/result/), page.click('#verify')]);
    expect(await page.textContent('#result')).toBe('Payment successful');
    await eventually(
      async () => (await carts.get(cart.id)).payment_session.status === 'authorized',
      10_000,
      'session authorized',
    );
  });

  it('a signed-in customer saves the card on the page, and pays the next cart with it in one click', async () => {
    const who = await signedUpCustomer(gateway);
    const theirs = () =>
      readyForCheckout(gateway, {
        region_id: DemoRegionIds.europe,
        items: [{ variant_id: V.mugWhite, quantity: 1 }],
        provider: 'cashier',
        headers: who.auth,
      });
    const first = await theirs();
    await page.goto(first.payment_session.data.session_url);
    expect(await page.isChecked('#save_card')).toBe(false);
    await typeCard(page, TEST_CARDS.success, '09/32');
    await page.check('#save_card');
    await Promise.all([page.waitForURL(/\/result/), page.click('#pay')]);
    expect(await page.textContent('#result')).toBe('Payment successful');

    const second = await theirs();
    await page.goto(second.payment_session.data.session_url);
    expect(await page.textContent('#saved-4242')).toBe('Pay with VISA •••• 4242 (09/32)');
    await Promise.all([page.waitForURL(/\/result/), page.click('#saved-4242')]);
    expect(await page.textContent('#result')).toBe('Payment successful');
    await eventually(
      async () =>
        (await request(gateway).get(`/store/carts/${second.id}`).set(who.auth).expect(200)).body.cart
          .payment_session.status === 'authorized',
      10_000,
      'paid with the saved card',
    );
  });

  it('a declined card stays on the page with a clear message, and nothing is paid', async () => {
    const cart = await checkoutWithCashier();
    const session = cart.payment_session;
    await payOnHostedPage(page, session.data.session_url, TEST_CARDS.declined);
    expect(page.url()).toBe(session.data.session_url);
    expect(await page.textContent('[role=alert]')).toBe('Your card was declined. Try another card.');
    await eventually(
      async () => (await carts.get(cart.id)).payment_session.status === 'error',
      10_000,
      'session marked unpaid',
    );
    expect((await carts.get(cart.id)).payment_session.payment_authorized_at).toBeNull();
  });
});
