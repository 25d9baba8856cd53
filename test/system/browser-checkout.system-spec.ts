import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import { Browser, Page } from 'playwright-core';
import { launchBrowser, payOnHostedPage } from '../support/browser';
import { CHALLENGE_CODE, TEST_CARDS } from '../support/psp-sandbox';
import { Json, storeCarts } from '../support/store-carts';
import { cartPayingWith, PaymentStack, startPaymentStack } from '../support/payment-stack';
import { eventually } from '../support/test-environment';

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
    stack = await startPaymentStack();
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
