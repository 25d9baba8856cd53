import { DemoProductIds as P, DemoVariantIds as V } from '@app/contracts';
import Medusa from '@medusajs/medusa-js';
import request from 'supertest';
import { adminHeaders, ALL_APPS } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * Swaps through medusa-js: fulfilled items exchanged for others through a swap's cart — a higher
 * priced item paid through the cart, a lower priced one refunded when the return arrives — each swap
 * confirmed once however often its cart is completed; refusals as Medusa's.
 */
describe('store swaps', () => {
  let env: TestEnvironment;
  let gateway: string;
  let medusa: Medusa;
  let admin: Record<string, string>;

  /** A paid (captured) and fully fulfilled order of `variant`. */
  const fulfilledOrder = async (variant: string, quantity: number): Promise<Json> => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: variant, quantity }],
      provider: 'manual',
    });
    const { data: order } = (await complete(gateway, cart.id).expect(200)).body;
    await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    await request(gateway)
      .post(`/admin/orders/${order.id}/fulfillment`)
      .set(admin)
      .send({ items: [{ item_id: order.items[0].id, quantity }] })
      .expect(200);
    return order;
  };

  /** The swap's cart shipped (its new items' profile) and, for a difference to pay, a manual session. */
  const readySwapCart = async (cartId: string): Promise<Json> => {
    const { shipping_options } = await medusa.shippingOptions.listCartOptions(cartId);
    const cheapest = [...shipping_options].sort((a, b) => (a.amount as number) - (b.amount as number))[0];
    await medusa.carts.addShippingMethod(cartId, { option_id: cheapest.id as string });
    const { cart } = await medusa.carts.createPaymentSessions(cartId);
    if ((cart.total as number) <= 0) return cart as unknown as Json;
    return (await medusa.carts.setPaymentSession(cartId, { provider_id: 'manual' })).cart as unknown as Json;
  };

  const stockOf = async (variant: string) =>
    (
      await env.sql<{ stocked_quantity: number }>(
        'SELECT stocked_quantity FROM catalog.inventory_level WHERE variant_id = $1',
        [variant],
      )
    )[0].stocked_quantity;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ALL_APPS,
      freshDatabase: true,
    });
    gateway = env.url('gateway');
    medusa = new Medusa({ baseUrl: gateway, maxRetries: 0 });
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('swaps a mug for a dearer tote: the difference paid through the swap’s cart, the swap confirmed once', async () => {
    const order = await fulfilledOrder(V.mugWhite, 2);
    const line = order.items[0] as Json;
    const toteStock = await stockOf(V.tote);
    const { swap } = await medusa.swaps.create({
      order_id: order.id,
      return_items: [{ item_id: line.id, quantity: 1 }],
      additional_items: [{ variant_id: V.tote, quantity: 1 }],
    });
    expect(medusaSchemaErrors('Swap', swap)).toBeNull();
    expect(swap).toMatchObject({ order_id: order.id, payment_status: 'not_paid', confirmed_at: null });
    expect(swap.return_order).toMatchObject({ status: 'requested', swap_id: swap.id });
    const cartId = swap.cart_id as string;

    const { cart: shown } = await medusa.carts.retrieve(cartId);
    expect(shown).toMatchObject({ type: 'swap', metadata: { swap_id: swap.id, parent_order_id: order.id } });
    const returned = (shown.items as Json[]).find((item) => item.is_return);
    // Credited at what the customer paid for the unit, tax included, as a return refunds it.
    expect(returned).toMatchObject({
      variant_id: V.mugWhite,
      quantity: 1,
      unit_price: -Math.round((line.total as number) / (line.quantity as number)),
      tax_lines: [],
    });
    expect((shown.items as Json[]).find((item) => !item.is_return)).toMatchObject({
      variant_id: V.tote,
      quantity: 1,
    });
    await request(gateway)
      .post(`/store/carts/${cartId}/line-items/${returned?.id}`)
      .send({ quantity: 2 })
      .expect(400);

    const ready = await readySwapCart(cartId);
    expect(ready.total).toBeGreaterThan(0);
    const completed = (await complete(gateway, cartId).expect(200)).body;
    expect(completed.type).toBe('swap');
    expect(medusaSchemaErrors('Swap', completed.data)).toBeNull();
    expect(completed.data).toMatchObject({
      id: swap.id,
      difference_due: ready.total,
      payment_status: 'awaiting',
      cart_id: cartId,
    });
    expect(completed.data.confirmed_at).not.toBeNull();
    expect(completed.data.payment).toMatchObject({ amount: ready.total, provider_id: 'manual' });
    expect(completed.data.additional_items).toEqual([
      expect.objectContaining({ variant_id: V.tote, quantity: 1, swap_id: swap.id }),
    ]);
    expect(await stockOf(V.tote)).toBe(toteStock - 1);

    const again = (await complete(gateway, cartId).expect(200)).body;
    expect(again).toMatchObject({
      type: 'swap',
      data: { id: swap.id, confirmed_at: completed.data.confirmed_at },
    });
    expect((await medusa.swaps.retrieveByCartId(cartId)).swap).toMatchObject({ id: swap.id });
    expect(await stockOf(V.tote)).toBe(toteStock - 1);
    const swaps = await env.sql('SELECT id FROM "order".swap WHERE order_id = $1', [order.id]);
    expect(swaps).toHaveLength(1);

    // The return arrives: the mug is restocked, nothing refunded (the tote cost more).
    const mugStock = await stockOf(V.mugWhite);
    const received = await request(gateway)
      .post(`/admin/returns/${swap.return_order.id}/receive`)
      .set(admin)
      .send({ items: [{ item_id: line.id, quantity: 1 }] })
      .expect(200);
    expect(received.body.return).toMatchObject({ status: 'received', refund_amount: 0 });
    expect(await stockOf(V.mugWhite)).toBe(mugStock + 1);
    const { order: after } = (await request(gateway).get(`/admin/orders/${order.id}`).set(admin).expect(200))
      .body;
    expect(after.refunded_total).toBe(0);
    expect(after.swaps).toEqual([
      expect.objectContaining({ id: swap.id, cart_id: cartId, payment_status: 'awaiting' }),
    ]);
    expect(after.returns).toEqual([expect.objectContaining({ swap_id: swap.id, status: 'received' })]);
  });

  it('swaps a tea set for a cheaper mug: the cart needs no payment, the difference is refunded on receipt', async () => {
    const order = await fulfilledOrder(V.teaSet, 1);
    const line = order.items[0] as Json;
    const { swap } = await medusa.swaps.create({
      order_id: order.id,
      return_items: [{ item_id: line.id, quantity: 1 }],
      additional_items: [{ variant_id: V.mugWhite, quantity: 1 }],
    });
    const ready = await readySwapCart(swap.cart_id as string);
    expect(ready.total).toBeLessThan(0);
    const { data: confirmed } = (await complete(gateway, swap.cart_id as string).expect(200)).body;
    expect(confirmed).toMatchObject({
      difference_due: ready.total,
      payment_status: 'not_paid',
      payment: null,
    });

    const received = await request(gateway)
      .post(`/admin/returns/${swap.return_order.id}/receive`)
      .set(admin)
      .send({ items: [{ item_id: line.id, quantity: 1 }] })
      .expect(200);
    expect(received.body.return.refund_amount).toBe(-ready.total);
    const { order: after } = (await request(gateway).get(`/admin/orders/${order.id}`).set(admin).expect(200))
      .body;
    expect(after).toMatchObject({ refunded_total: -ready.total, payment_status: 'partially_refunded' });
    expect((await medusa.swaps.retrieveByCartId(swap.cart_id as string)).swap.payment_status).toBe(
      'difference_refunded',
    );
  });

  it('makes one swap per Idempotency-Key, and refuses what Medusa refuses without writing anything', async () => {
    const order = await fulfilledOrder(V.mugWhite, 1);
    const line = order.items[0] as Json;
    const body = {
      order_id: order.id,
      return_items: [{ item_id: line.id, quantity: 1 }],
      additional_items: [{ variant_id: V.tote, quantity: 1 }],
    };
    const first = await request(gateway)
      .post('/store/swaps')
      .set('Idempotency-Key', 'swap-once')
      .send(body)
      .expect(200);
    const second = await request(gateway)
      .post('/store/swaps')
      .set('Idempotency-Key', 'swap-once')
      .send(body)
      .expect(200);
    expect(second.body.swap.id).toBe(first.body.swap.id);

    // The mug is in a return already: nothing left to return.
    const twice = await request(gateway).post('/store/swaps').send(body).expect(400);
    expect(twice.body.type).toBe('not_allowed');
    const unknownVariant = await request(gateway)
      .post('/store/swaps')
      .send({ ...body, additional_items: [{ variant_id: 'variant_unknown', quantity: 1 }] });
    expect([400, 404]).toContain(unknownVariant.status);
    await request(gateway)
      .post('/store/swaps')
      .send({ ...body, order_id: 'order_unknown' })
      .expect(404);
    await request(gateway)
      .post('/store/swaps')
      .send({ ...body, additional_items: [] })
      .expect(400);
    await request(gateway).get('/store/swaps/cart_unknown').expect(404);
    const swaps = await env.sql('SELECT id FROM "order".swap WHERE order_id = $1', [order.id]);
    expect(swaps).toHaveLength(1);

    const canceledCart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity: 1 }],
      provider: 'manual',
    });
    const { data: canceled } = (await complete(gateway, canceledCart.id).expect(200)).body;
    await request(gateway).post(`/admin/orders/${canceled.id}/cancel`).set(admin).expect(200);
    const refused = await request(gateway)
      .post('/store/swaps')
      .send({
        ...body,
        order_id: canceled.id,
        return_items: [{ item_id: canceled.items[0].id, quantity: 1 }],
      })
      .expect(400);
    expect(refused.body).toMatchObject({
      type: 'not_allowed',
      message: 'Cannot create a swap on a canceled order',
    });
  });

  it('keeps a swap in its order’s sales channel: new items not sold there are refused', async () => {
    const order = await fulfilledOrder(V.mugWhite, 1);
    expect(order.sales_channel_id).toEqual(expect.stringMatching(/^sc_/));
    const body = {
      order_id: order.id,
      return_items: [{ item_id: order.items[0].id, quantity: 1 }],
      additional_items: [{ variant_id: V.tote, quantity: 1 }],
    };
    const batch = `/admin/sales-channels/${order.sales_channel_id}/products/batch`;
    await request(gateway)
      .delete(batch)
      .set(admin)
      .send({ product_ids: [{ id: P.canvasTote }] })
      .expect(200);
    try {
      const refused = await request(gateway).post('/store/swaps').send(body).expect(400);
      expect(refused.body).toMatchObject({
        type: 'invalid_data',
        message:
          'The product "Canvas Tote" must belong to the sales channel on which the cart has been created.',
      });
      expect(await env.sql('SELECT id FROM "order".swap WHERE order_id = $1', [order.id])).toEqual([]);
    } finally {
      await request(gateway)
        .post(batch)
        .set(admin)
        .send({ product_ids: [{ id: P.canvasTote }] })
        .expect(200);
    }
    const { swap } = (await request(gateway).post('/store/swaps').send(body).expect(200)).body;
    const { cart } = (await request(gateway).get(`/store/carts/${swap.cart_id}`).expect(200)).body;
    expect(cart).toMatchObject({
      sales_channel_id: order.sales_channel_id,
      sales_channel: { id: order.sales_channel_id, name: 'Default Sales Channel' },
    });
  });
});
