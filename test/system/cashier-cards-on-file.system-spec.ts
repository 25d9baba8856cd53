import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { complete, readyForCheckout } from '../support/checkout';
import { SignedUpCustomer, signedUpCustomer } from '../support/customers';
import { BILLING_FORM, cashierTokens, payHostedPage, Sandbox, TEST_CARDS } from '../support/psp-sandbox';
import { Json } from '../support/store-carts';
import { PaymentStack, startPaymentStack } from '../support/payment-stack';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { eventually } from '../support/test-environment';

/**
 * Cards on file at the hosted cashier (seed 003's `payment` block, token query and token delete): a
 * signed-in customer's session names them (`shopper_reference`), the card is kept when the shopper
 * ticks it on the hosted page, later sessions offer it, and the customer sees and removes it through
 * `/store/customers/me/payment-methods` — never its token, never another customer's.
 */
describe('hosted cashier: cards on file', () => {
  let stack: PaymentStack;
  let sandbox: Sandbox;
  let gateway: string;

  beforeAll(async () => {
    stack = await startPaymentStack(
      {},
      { apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'] },
    );
    ({ sandbox, gateway } = stack);
  });
  afterAll(() => stack.close());

  const cashierCart = (headers?: Record<string, string>) =>
    readyForCheckout(gateway, {
      region_id: DemoRegionIds.europe,
      items: [{ variant_id: V.tote, quantity: 1 }],
      provider: 'cashier',
      headers,
    });

  const sent = async (sessionUrl: string): Promise<Json> => {
    const id = new URL(sessionUrl).pathname.split('/').pop();
    return (await request(sandbox.url).get(`/sandbox/cashier/sessions/${id}`).expect(200)).body.request;
  };

  const methods = async (who: SignedUpCustomer) =>
    (await request(gateway).get('/store/customers/me/payment-methods').set(who.auth).expect(200)).body;

  /** The customer's cart paid on its hosted page with `form`, then completed into an order. */
  const paidAndPlaced = async (
    who: SignedUpCustomer,
    cart: Json,
    form: Record<string, string>,
  ): Promise<Json> => {
    const url = new URL(cart.payment_session.data.session_url);
    await request(url.origin).post(url.pathname).type('form').send(form).redirects(0).expect(303);
    const placed = await complete(gateway, cart.id).set(who.auth).expect(200);
    expect(placed.body.type).toBe('order');
    return placed.body.data;
  };

  const sandboxTokens = (shopper: string) => cashierTokens(sandbox.url, shopper);

  it('asks for a signed-in customer (401 otherwise)', async () => {
    await request(gateway).get('/store/customers/me/payment-methods').expect(401);
    await request(gateway).delete('/store/customers/me/payment-methods/pm_x').expect(401);
  });

  it('a signed-in customer’s session names them; a guest’s does not', async () => {
    const who = await signedUpCustomer(gateway);
    const theirs = await cashierCart(who.auth);
    expect((await sent(theirs.payment_session.data.session_url)).payment).toEqual({
      store_payment_method: true,
      token_usage: 'CARD_ON_FILE',
      shopper_reference: who.id,
    });
    const guest = await cashierCart();
    const guestSession = await sent(guest.payment_session.data.session_url);
    expect(guestSession.payment).toBeUndefined();
    const page = await request(guest.payment_session.data.session_url).get('').expect(200);
    expect(page.text).not.toContain('save_card');
    expect(guestSession.customer.registration_time).toBeUndefined();
    // No billing address given: the hosted page collects one, and takes no card without it.
    expect(guestSession.bill).toEqual({ billing_address_collection: 'REQUIRED' });
    const url = new URL(guest.payment_session.data.session_url);
    expect((await request(url.origin).get(url.pathname).expect(200)).text).toContain('Billing address');
    const refused = await request(url.origin)
      .post(url.pathname)
      .type('form')
      .send({ card_number: TEST_CARDS.success, expiry: '12/30', cvc: '123' })
      .redirects(0)
      .expect(402);
    expect(refused.text).toContain('Enter your billing address.');
    await payHostedPage(guest.payment_session.data.session_url, TEST_CARDS.success).expect(303);
    const inspected = await request(sandbox.url)
      .get(`/sandbox/cashier/sessions/${url.pathname.split('/').pop()}`)
      .expect(200);
    expect(inspected.body.billing_collected).toEqual({
      address_line1: BILLING_FORM.billing_address_line1,
      city: BILLING_FORM.billing_city,
      postal_code: BILLING_FORM.billing_postal_code,
      country: 'FR',
    });
  });

  it('tells the cashier when the customer registered, the orders they placed before, when, and their level', async () => {
    const who = await signedUpCustomer(gateway);
    const registered = (await request(gateway).get('/store/customers/me').set(who.auth).expect(200)).body
      .customer.created_at;
    const cashierTime = (iso: string) => `${new Date(iso).toISOString().slice(0, 19)}+0000`;
    const first = await cashierCart(who.auth);
    expect((await sent(first.payment_session.data.session_url)).customer).toEqual({
      id: who.id,
      registration_time: cashierTime(registered),
      past_transactions: 0,
      email: who.email,
      order_ip: expect.any(String),
    });
    const order = await paidAndPlaced(who, first, {
      card_number: TEST_CARDS.success,
      expiry: '12/30',
      cvc: '1',
      ...BILLING_FORM,
    });
    await stack.env.sql(
      `INSERT INTO customer.customer_group_customer (customer_group_id, customer_id)
       SELECT id, $1 FROM customer.customer_group WHERE name = 'vip2'`,
      [who.id],
    );
    let next: Json = {};
    await eventually(
      async () => {
        const cart = await cashierCart(who.auth);
        next = (await sent(cart.payment_session.data.session_url)).customer;
        return next.past_transactions === 1;
      },
      10_000,
      'the order counted',
    );
    expect(next).toEqual({
      id: who.id,
      registration_time: cashierTime(registered),
      past_transactions: 1,
      first_shopping_time: next.last_shopping_time,
      last_shopping_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      level: 'vip2',
      email: who.email,
      order_ip: expect.any(String),
    });
    // When the order was placed (the event's time, to the second the cashier takes).
    const shopped = Date.parse(next.last_shopping_time.replace('+0000', 'Z'));
    expect(Math.abs(shopped - Date.parse(order.created_at))).toBeLessThan(2_000);
  });

  it('opens the session without the history when the customer app cannot say', async () => {
    const who = await signedUpCustomer(gateway);
    const cart = await readyForCheckout(gateway, {
      region_id: DemoRegionIds.europe,
      items: [{ variant_id: V.tote, quantity: 1 }],
      headers: who.auth,
      payment: false,
    });
    await stack.env.stop('customer');
    try {
      await request(gateway).post(`/store/carts/${cart.id}/payment-sessions`).set(who.auth).expect(200);
      const selected = await request(gateway)
        .post(`/store/carts/${cart.id}/payment-session`)
        .set(who.auth)
        .send({ provider_id: 'cashier' })
        .expect(200);
      const session = await sent(selected.body.cart.payment_session.data.session_url);
      expect(session.customer).toEqual({ id: who.id, email: who.email, order_ip: expect.any(String) });
      // The catalog still answered: the goods keep their category and brand.
      expect(session.goods[0]).toMatchObject({ category: 'Accessories', brand: 'Summer Essentials' });
    } finally {
      await stack.env.start('customer');
    }
  });

  it('keeps the card the shopper ticks, offers it next time, pays with it, and removes it', async () => {
    const who = await signedUpCustomer(gateway);
    expect(await methods(who)).toEqual({ payment_methods: [] });

    // Paid without ticking "save": nothing is kept.
    await paidAndPlaced(who, await cashierCart(who.auth), {
      card_number: TEST_CARDS.success,
      expiry: '12/30',
      cvc: '123',
      ...BILLING_FORM,
    });
    expect(await methods(who)).toEqual({ payment_methods: [] });

    // Ticked: the card is kept at the cashier, and listed in Medusa's shape without its token.
    const first = await cashierCart(who.auth);
    const page = await request(first.payment_session.data.session_url).get('').expect(200);
    expect(page.text).toContain('Save this card for next time');
    await paidAndPlaced(who, first, {
      card_number: TEST_CARDS.success,
      expiry: '11/31',
      cvc: '123',
      ...BILLING_FORM,
      save_card: 'yes',
    });
    const kept = await sandboxTokens(who.id);
    expect(kept).toHaveLength(1);
    const listed = await methods(who);
    expect(listed).toEqual({
      payment_methods: [
        {
          provider_id: 'cashier',
          data: {
            id: expect.stringMatching(/^pm_[\w-]{26}$/),
            object: 'payment_method',
            type: 'card',
            brand: 'visa',
            last4: '4242',
            exp_month: 11,
            exp_year: 2031,
            created_at: expect.any(String),
          },
        },
      ],
    });
    expect(medusaSchemaErrors('StoreCustomersListPaymentMethodsRes', listed)).toBeNull();
    expect(JSON.stringify(listed)).not.toContain(kept[0].token);

    // The next session offers it; paying with it places the order.
    const second = await cashierCart(who.auth);
    const offered = await request(second.payment_session.data.session_url).get('').expect(200);
    expect(offered.text).toContain('Pay with VISA •••• 4242 (11/31)');
    await paidAndPlaced(who, second, { token: kept[0].token });

    // Removed: gone at the cashier and from the list; removing again is not found.
    const id = listed.payment_methods[0].data.id;
    const removed = await request(gateway)
      .delete(`/store/customers/me/payment-methods/${id}`)
      .set(who.auth)
      .expect(200);
    expect(removed.body).toEqual({ id, object: 'payment_method', deleted: true });
    expect(await methods(who)).toEqual({ payment_methods: [] });
    expect(await sandboxTokens(who.id)).toEqual([]);
    const again = await request(gateway)
      .delete(`/store/customers/me/payment-methods/${id}`)
      .set(who.auth)
      .expect(404);
    expect(again.body).toMatchObject({ type: 'not_found' });
  });

  it('never shows, removes or pays with another customer’s card', async () => {
    const owner = await signedUpCustomer(gateway);
    const other = await signedUpCustomer(gateway);
    await paidAndPlaced(owner, await cashierCart(owner.auth), {
      card_number: TEST_CARDS.success,
      expiry: '12/30',
      cvc: '123',
      ...BILLING_FORM,
      save_card: 'yes',
    });
    const [card] = (await methods(owner)).payment_methods;
    expect(await methods(other)).toEqual({ payment_methods: [] });
    const refused = await request(gateway)
      .delete(`/store/customers/me/payment-methods/${card.data.id}`)
      .set(other.auth)
      .expect(404);
    expect(refused.body).toMatchObject({ type: 'not_found' });
    expect((await methods(owner)).payment_methods).toHaveLength(1);

    // The other customer's hosted page neither offers the card nor pays with its token.
    const [token] = await sandboxTokens(owner.id);
    const theirs = await cashierCart(other.auth);
    const page = await request(theirs.payment_session.data.session_url).get('').expect(200);
    expect(page.text).not.toContain(token.token);
    const url = new URL(theirs.payment_session.data.session_url);
    const denied = await request(url.origin)
      .post(url.pathname)
      .type('form')
      .send({ token: token.token })
      .redirects(0)
      .expect(402);
    expect(denied.text).toContain('This saved card is not available');
    await payHostedPage(theirs.payment_session.data.session_url, TEST_CARDS.success).expect(303);
    await eventually(
      async () => (await complete(gateway, theirs.id).set(other.auth)).body.type === 'order',
      10_000,
      'paid with a card of their own',
    );
  });
});
