import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { payHostedPage, Sandbox, TEST_CARDS } from '../support/psp-sandbox';
import { Json } from '../support/store-carts';
import { cartWithSessions, PaymentStack, startPaymentStack } from '../support/payment-stack';
import { eventually, TestEnvironment } from '../support/test-environment';

const TOTE = [{ variant_id: V.tote, quantity: 1 }];

/**
 * The hosted cashier (seed 003) when it says "not now" or answers what we did not ask: 429 and 5xx
 * asked again with backoff within the call's budget, then a retryable 503 `provider_unavailable`
 * that never shows the provider's words; a session answered for another amount voided and refused;
 * and the session request as the cashier received it, with the shop's configured fields.
 */
describe('hosted cashier: provider errors and what it is sent', () => {
  let stack: PaymentStack;
  let sandbox: Sandbox;
  let env: TestEnvironment;
  let gateway: string;

  const select = (cartId: string) =>
    request(gateway)
      .post(`/store/carts/${cartId}/payment-session`)
      .set('Idempotency-Key', `select-${cartId}`)
      .send({ provider_id: 'cashier' });
  const sentRequest = async (sessionId: string): Promise<Json> =>
    (await request(sandbox.url).get(`/sandbox/cashier/sessions/${sessionId}`).expect(200)).body.request;

  beforeAll(async () => {
    stack = await startPaymentStack({
      PROVIDER_TIMEOUT_MS: '2000', // well inside the callers' 5 s command budget
      CASHIER_DISPLAY_NAME: 'Tea & Tees',
      CASHIER_THEME_ID: 'theme-autumn',
      CASHIER_ALLOWED_METHODS: 'BankCard,ApplePay',
      CASHIER_BLOCKED_METHODS: 'GooglePay',
      CASHIER_DESCRIPTOR: 'TEATEES',
      STOREFRONT_PRODUCT_URL: 'https://shop.example.com/products/{handle}',
    });
    ({ sandbox, env, gateway } = stack);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    sandbox.faults.failures = { status: 503, times: 0 };
    sandbox.faults.alterSessions = false;
  });

  it('asks again after a 429 (its Retry-After) and a 502, and opens the session', async () => {
    const cart = await cartWithSessions(gateway, DemoRegionIds.europe, TOTE);
    sandbox.faults.failures = { status: 429, times: 1, retryAfter: 1 };
    const first = Date.now();
    // The 429 is followed by a 502 (a second fault armed when the first is used).
    const armed = setInterval(() => {
      if (sandbox.faults.failures.times === 0 && sandbox.faults.failures.status === 429) {
        sandbox.faults.failures = { status: 502, times: 1 };
        clearInterval(armed);
      }
    }, 5);
    const opened = await select(cart.id);
    clearInterval(armed);
    expect(opened.status).toBe(200);
    expect(opened.body.cart.payment_session).toMatchObject({
      provider_id: 'cashier',
      status: 'requires_more',
    });
    expect(sandbox.faults.failures).toMatchObject({ status: 502, times: 0 });
    expect(Date.now() - first).toBeGreaterThanOrEqual(1000); // Retry-After: 1 was waited for
  });

  it('a cashier failing past the budget is a retryable 503 without its words; the retry opens the same session', async () => {
    const cart = await cartWithSessions(gateway, DemoRegionIds.europe, TOTE);
    sandbox.faults.failures = { status: 500, times: 1_000 };
    const failed = await select(cart.id);
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('1');
    expect(failed.body).toMatchObject({ type: 'unexpected_state', code: 'provider_unavailable' });
    expect(failed.body.message).not.toContain('Service temporarily unavailable');
    expect(sandbox.faults.failures.times).toBeLessThan(999); // asked more than once
    const [pending] = await env.sql<{ id: string; status: string }>(
      'SELECT id, status FROM payment.attempt WHERE cart_id = $1',
      [cart.id],
    );
    expect(pending.status).toBe('initiating');

    sandbox.faults.failures = { status: 503, times: 0 };
    const retried = await select(cart.id).expect(200);
    expect(retried.body.cart.payment_session.data.trans_id).toBe(pending.id);
  });

  it('a session answered for another amount is voided at the cashier and refused; nothing is payable', async () => {
    const cart = await cartWithSessions(gateway, DemoRegionIds.europe, TOTE);
    sandbox.faults.alterSessions = true;
    const refused = await select(cart.id);
    expect(refused.status).toBe(500);
    expect(refused.body).toMatchObject({ type: 'unexpected_state', code: 'provider_mismatch' });
    const [attempt] = await env.sql<{ id: string }>('SELECT id FROM payment.attempt WHERE cart_id = $1', [
      cart.id,
    ]);
    const { sessions } = (
      await request(sandbox.url).get(`/sandbox/cashier/sessions?trans_id=${attempt.id}`).expect(200)
    ).body;
    expect(sessions).toMatchObject([{ trans_id: attempt.id, status: 'CLOSED' }]);
    expect(
      (await request(gateway).get(`/store/carts/${cart.id}`).expect(200)).body.cart.payment_session,
    ).toBeNull();
  });

  it('sends the configured display name, theme, methods and descriptor, the cart and the shopper’s language (GET /sandbox/cashier/sessions/{id})', async () => {
    const { cart } = (
      await request(gateway)
        .post('/store/carts')
        .set('Accept-Language', 'nl-nl,nl;q=0.9,en;q=0.8')
        .send({ region_id: DemoRegionIds.europe, items: TOTE })
        .expect(200)
    ).body;
    expect(cart.context.locale).toBe('nl-NL');
    await request(gateway).post(`/store/carts/${cart.id}/payment-sessions`).expect(200);
    await request(gateway)
      .post(`/store/carts/${cart.id}`)
      .send({
        email: 'mei@example.com',
        billing_address: {
          first_name: 'Mei',
          last_name: 'Lin',
          address_1: 'Keizersgracht 1',
          city: 'Amsterdam',
          postal_code: '1015',
          country_code: 'nl',
          phone: '+31 20 555 0101',
        },
      })
      .expect(200);
    const session = (await select(cart.id).expect(200)).body.cart.payment_session;
    const sessionId = new URL(session.data.session_url).pathname.split('/').pop() as string;
    const sent = await sentRequest(sessionId);
    expect(sent).toMatchObject({
      trans_id: session.data.trans_id,
      amount: 2040,
      currency: 'EUR',
      session_mode: 'HOSTED',
      display_merchant_name: 'Tea & Tees',
      display_locale: 'nl-NL',
      theme_id: 'theme-autumn',
      allowed_payment_methods: ['BankCard', 'ApplePay'],
      blocked_payment_methods: ['GooglePay'],
      goods: [
        {
          id: V.tote,
          name: 'Canvas Tote (Natural)',
          description: 'Heavy organic canvas',
          category: 'Accessories',
          brand: 'Summer Essentials',
          link: 'https://shop.example.com/products/canvas-tote',
          price: 1700,
          quantity: 1,
        },
      ],
      bill: {
        first_name: 'Mei',
        last_name: 'Lin',
        country: 'NL',
        city: 'Amsterdam',
        email: 'mei@example.com',
        descriptor: 'TEATEES',
      },
      customer: { email: 'mei@example.com', area_code: '+31', phone_number: '20 555 0101' },
    });
    expect(sent.bill.phone_number).toBe('20 555 0101');
    expect(sent.bill.billing_address_collection).toBeUndefined();
    // A guest: nothing of a customer's history, no cards on file.
    expect(sent.customer.registration_time).toBeUndefined();
    expect(sent.payment).toBeUndefined();
    await request(sandbox.url).get('/sandbox/cashier/sessions/CS0000').expect(404);

    // The page pays as ever with those fields.
    await payHostedPage(session.data.session_url, TEST_CARDS.success).expect(303);
    await eventually(
      async () =>
        (await request(gateway).get(`/store/carts/${cart.id}`)).body.cart.payment_session.status ===
        'authorized',
      10_000,
      'authorized',
    );
  });
});
