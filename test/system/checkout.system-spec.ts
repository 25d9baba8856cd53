import { DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { complete, completeRetrying, readyForCheckout } from '../support/checkout';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { PaymentStack, startPaymentStack } from '../support/payment-stack';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

describe('checkout: POST /store/carts/{id}/complete', () => {
  let stack: PaymentStack;
  let env: TestEnvironment;
  let gateway: string;
  const count = async (sql: string, values: unknown[] = []) =>
    Number((await env.sql<{ n: string }>(sql, values))[0].n);

  beforeAll(async () => {
    stack = await startPaymentStack(
      {},
      { freshDatabase: true, apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'] },
    );
    ({ env, gateway } = stack);
  });
  afterAll(() => stack.close());

  it('places the order once, in Medusa’s shapes, and answers it again for a completed cart', async () => {
    const cart = await readyForCheckout(gateway, { items: [{ variant_id: V.tote, quantity: 2 }] });
    const placed = await complete(gateway, cart.id).expect(200);
    expect(medusaSchemaErrors('StoreCompleteCartRes', placed.body)).toBeNull();
    const order: Json = placed.body.data;
    expect(placed.body.type).toBe('order');
    expect(order).toMatchObject({
      object: 'order',
      cart_id: cart.id,
      status: 'pending',
      payment_status: 'awaiting',
      fulfillment_status: 'not_fulfilled',
      email: cart.email,
      currency_code: 'eur',
      subtotal: 3400,
      shipping_total: 800,
      tax_total: 680 + 160,
      total: 3400 + 800 + 840,
      paid_total: 3400 + 800 + 840,
    });
    expect(order.display_id).toEqual(expect.any(Number));
    expect(order.payments).toEqual([
      expect.objectContaining({ provider_id: 'manual', amount: order.total, order_id: order.id }),
    ]);
    expect(order.items[0]).toMatchObject({
      variant_id: V.tote,
      quantity: 2,
      order_id: order.id,
      tax_lines: [expect.objectContaining({ rate: 20 })],
    });

    const again = await complete(gateway, cart.id).expect(200);
    expect(again.body).toMatchObject({ type: 'order', data: { id: order.id } });
    const byId = await request(gateway).get(`/store/orders/${order.id}`).expect(200);
    expect(medusaSchemaErrors('StoreOrdersRes', byId.body)).toBeNull();
    await request(gateway).get(`/store/orders/cart/${cart.id}`).expect(200);
    const completed = await request(gateway).get(`/store/carts/${cart.id}`).expect(200);
    expect(completed.body.cart.completed_at).toEqual(expect.any(String));
    const late = await request(gateway)
      .post(`/store/carts/${cart.id}/line-items`)
      .send({ variant_id: V.tote, quantity: 1 });
    expect(late.body).toMatchObject({ type: 'not_allowed', code: 'cart_incompatible_state' });
    expect(await count('SELECT count(*) AS n FROM "order"."order" WHERE cart_id = $1', [cart.id])).toBe(1);
  });

  it('finds a guest order only by its exact number and email, with one 404 for every miss', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity: 1 }],
      email: 'Grace@Example.com',
    });
    const { data: order } = (await complete(gateway, cart.id).expect(200)).body;
    const lookup = (query: string) => request(gateway).get(`/store/orders?${query}`);
    const found = await lookup(`display_id=${order.display_id}&email=grace@example.com`).expect(200);
    expect(found.body.order.id).toBe(order.id);
    const misses = [
      `display_id=${order.display_id}&email=other@example.com`,
      `display_id=${order.display_id + 1000}&email=grace@example.com`,
    ];
    for (const query of misses)
      expect((await lookup(query).expect(404)).body).toEqual({
        type: 'not_found',
        message: 'Order not found',
      });
    expect((await lookup('email=grace@example.com').expect(400)).body.type).toBe('invalid_data');
  });

  it('shapes an order with Medusa’s fields and expand', async () => {
    const cart = await readyForCheckout(gateway, { items: [{ variant_id: V.tote, quantity: 1 }] });
    const { data: order } = (await complete(gateway, cart.id).expect(200)).body;
    const shaped = await request(gateway)
      .get(`/store/orders/${order.id}?fields=status,total&expand=items`)
      .expect(200);
    expect(Object.keys(shaped.body.order).sort()).toEqual(['id', 'items', 'status', 'total']);
    expect(shaped.body.order.items[0]).toMatchObject({ variant_id: V.tote, total: expect.any(Number) });
    expect(shaped.body.order.items[0].variant).toBeUndefined();
    const withVariant = await request(gateway)
      .get(`/store/orders/cart/${cart.id}?expand=items,items.variant`)
      .expect(200);
    expect(withVariant.body.order.items[0].variant).toMatchObject({ id: V.tote });
    expect(withVariant.body.order.payments).toBeUndefined();
    const unknown = await request(gateway).get(`/store/orders/${order.id}?fields=colour`).expect(400);
    expect(unknown.body).toEqual({
      type: 'invalid_data',
      message: 'Requested fields [colour] are not valid',
    });
  });

  it('shows an order’s payments as seed 001 does', async () => {
    const cart = await readyForCheckout(gateway, { items: [{ variant_id: V.tote, quantity: 1 }] });
    const { data: order } = (await complete(gateway, cart.id).expect(200)).body;
    const { payments } = (await request(gateway).get(`/store/orders/${order.id}/payments`).expect(200)).body;
    expect(payments).toEqual([
      {
        id: expect.stringMatching(/^pay_/),
        amount: order.total,
        bank_code: '',
        created_at: expect.any(String),
        is_available: true,
        mode: 'offline',
        payment_method: expect.objectContaining({ gateway: 'manual', payment_method_type: 'offline', id: 1 }),
        status: 'pending',
        pay_by_other: false,
        updated_at: expect.any(String),
      },
    ]);
    const id = payments[0].id;
    await request(gateway).get(`/store/orders/${order.id}/payments/count`).expect(200, { count: 1 });
    const chosen = await request(gateway)
      .get(`/store/orders/${order.id}/payments/${id}?fields=id,status,amount`)
      .expect(200);
    expect(chosen.body).toEqual({ payment: { id, status: 'pending', amount: order.total } });
    const wrong = await request(gateway)
      .get(`/store/orders/${order.id}/payments?fields=id,colour`)
      .expect(400);
    expect(wrong.body).toEqual({ type: 'invalid_data', message: 'Requested fields [colour] are not valid' });
    await request(gateway).get(`/store/orders/${order.id}/payments/pay_missing`).expect(404);
    await request(gateway).get('/store/orders/order_missing/payments').expect(404);
  });

  it('refuses an incomplete cart as Medusa does, and places nothing', async () => {
    const bare = (
      await request(gateway)
        .post('/store/carts')
        .send({ items: [{ variant_id: V.tote, quantity: 1 }] })
        .expect(200)
    ).body.cart;
    expect((await complete(gateway, bare.id).expect(400)).body).toEqual({
      type: 'invalid_data',
      message: 'An email is required to complete the cart',
    });
    await request(gateway).post(`/store/carts/${bare.id}`).send({ email: 'x@example.com' }).expect(200);
    expect((await complete(gateway, bare.id).expect(400)).body.message).toBe(
      'The cart needs a shipping method for each of its shipping profiles',
    );
    const unpaid = await readyForCheckout(gateway, { items: [{ variant_id: V.tote, quantity: 1 }] });
    await request(gateway).delete(`/store/carts/${unpaid.id}/payment-sessions/manual`).expect(200);
    expect((await complete(gateway, unpaid.id).expect(400)).body.message).toBe(
      'You cannot complete a cart without a payment session.',
    );
    expect(
      await count('SELECT count(*) AS n FROM "order"."order" WHERE cart_id IN ($1, $2)', [
        bare.id,
        unpaid.id,
      ]),
    ).toBe(0);
  });

  it('missing stock: 409 with insufficient_inventory, nothing reserved, nothing authorized', async () => {
    const first = await readyForCheckout(gateway, {
      items: [{ variant_id: V.hoodieLargeNavy, quantity: 2 }],
    });
    const second = await readyForCheckout(gateway, {
      items: [{ variant_id: V.hoodieLargeNavy, quantity: 2 }],
    });
    await complete(gateway, first.id).expect(200);
    const refused = await complete(gateway, second.id).expect(409);
    expect(refused.body).toEqual({
      errors: [
        {
          message: `Variant with id: ${V.hoodieLargeNavy} does not have the required inventory`,
          type: 'not_allowed',
          code: 'insufficient_inventory',
        },
      ],
    });
    expect(
      await count(
        `SELECT count(*) AS n FROM catalog.reservation WHERE reservation_key = $1 AND status = 'reserved'`,
        [second.id],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM payment.attempt WHERE cart_id = $1 AND status IN ('authorized', 'captured')`,
        [second.id],
      ),
    ).toBe(0);
    expect(
      (await request(gateway).get(`/store/carts/${second.id}`).expect(200)).body.cart.completed_at,
    ).toBeNull();
  });

  it('50 carts × 10 parallel completions (half with one key per cart): 50 orders, 50 authorizations, only 200/409', async () => {
    const carts = await Promise.all(
      Array.from({ length: 50 }, () =>
        readyForCheckout(gateway, { items: [{ variant_id: V.giftCardMedium, quantity: 1 }] }),
      ),
    );
    const answers = await Promise.all(
      carts.flatMap((cart) =>
        Array.from({ length: 10 }, (_, index) =>
          complete(gateway, cart.id, index % 2 ? `key-${cart.id}` : undefined),
        ),
      ),
    );
    const statuses = new Set(answers.map((answer) => answer.status));
    expect([...statuses].every((status) => status === 200 || status === 409)).toBe(true);
    const ids = carts.map((cart) => cart.id);
    expect(await count('SELECT count(*) AS n FROM "order"."order" WHERE cart_id = ANY($1)', [ids])).toBe(50);
    expect(
      await count(
        `SELECT count(*) AS n FROM payment.attempt WHERE cart_id = ANY($1) AND status = 'authorized'`,
        [ids],
      ),
    ).toBe(50);
    for (const answer of answers.filter((candidate) => candidate.status === 200))
      expect(answer.body.type).toBe('order');
  });

  it('the payment app stopped mid-checkout: the retry finishes with one order, nothing left reserved', async () => {
    const cart = await readyForCheckout(gateway, { items: [{ variant_id: V.teaSet, quantity: 1 }] });
    await env.stop('payment');
    const during = await complete(gateway, cart.id, `retry-${cart.id}`);
    expect(during.status).toBe(503);
    const payment = await createTestEnvironment({
      apps: ['payment'],
      env: { DATABASE_URL: env.env.DATABASE_URL },
    });
    try {
      // The recovery sweep may be finishing the checkout as the shopper retries: a 409 is retried, as
      // medusa-js does.
      const retried = await completeRetrying(gateway, cart.id, `retry-${cart.id}`);
      expect(retried.status).toBe(200);
      expect(retried.body.type).toBe('order');
      expect(await count('SELECT count(*) AS n FROM "order"."order" WHERE cart_id = $1', [cart.id])).toBe(1);
      expect(
        await count(
          `SELECT count(*) AS n FROM catalog.reservation WHERE reservation_key = $1 AND status = 'reserved'`,
          [cart.id],
        ),
      ).toBe(0);
    } finally {
      await payment.close();
    }
  });
});
