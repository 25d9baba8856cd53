import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { readyForCheckout } from '../support/checkout';
import { signedUpCustomer } from '../support/customers';
import { PaymentStack, startPaymentStack } from '../support/payment-stack';
import { Json } from '../support/store-carts';
import { eventually } from '../support/test-environment';

/**
 * Orders submitted first and paid afterwards (提交订单, seed 002): the signed-in owner submits the
 * cart, the order waits `not_paid` until its `pay_expire`, the stock it sold is held for it; the
 * customer may cancel it, and the sweep cancels it when its window passes — stock back each time.
 */
describe('orders submitted unpaid, canceled by the customer or by their window', () => {
  let stack: PaymentStack;
  let gateway: string;
  const customer = () => signedUpCustomer(gateway);

  const submittable = (auth: Record<string, string>, quantity = 1) =>
    readyForCheckout(gateway, {
      region_id: DemoRegionIds.china,
      items: [{ variant_id: V.teaSet, quantity }],
      headers: auth,
      payment: false,
    });

  const stocked = async () =>
    (
      await stack.env.sql<{ stocked_quantity: number }>(
        'SELECT stocked_quantity FROM catalog.inventory_level WHERE variant_id = $1',
        [V.teaSet],
      )
    )[0].stocked_quantity;

  beforeAll(async () => {
    stack = await startPaymentStack(
      { ORDER_EXPIRY_SWEEP_MS: '100', WEBHOOK_POLL_MS: '50' },
      {
        freshDatabase: true,
        apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'notification', 'gateway'],
      },
    );
    gateway = stack.gateway;
  });
  afterAll(() => stack.close());

  it('submits the owner’s cart once: the order waits not_paid until pay_expire, two days on, its stock held', async () => {
    const payer = await customer();
    const cart = await submittable(payer.auth);
    const before = await stocked();

    const submitted = await request(gateway)
      .post(`/store/carts/${cart.id}/submit`)
      .set(payer.auth)
      .set('Idempotency-Key', `submit-${cart.id}`)
      .expect(200);
    const order = submitted.body.data as Json;
    expect(submitted.body.type).toBe('order');
    expect(order).toMatchObject({ customer_id: payer.id, payment_status: 'not_paid', status: 'pending' });
    const window = Date.parse(order.pay_expire) - Date.parse(order.created_at);
    expect(Math.abs(window - 2880 * 60_000)).toBeLessThan(5_000);
    expect(order.paid_total).toBe(0);
    expect(await stocked()).toBe(before - 1);

    // Again (a retry, or a second tap): the same order, nothing sold twice.
    const again = await request(gateway).post(`/store/carts/${cart.id}/submit`).set(payer.auth).expect(200);
    expect(again.body.data.id).toBe(order.id);
    expect(await stocked()).toBe(before - 1);
    const listed = await request(gateway).get('/store/customers/me/orders').set(payer.auth).expect(200);
    expect(listed.body.orders.map((shown: Json) => shown.id)).toContain(order.id);
  });

  it('closes the payment session the cart had opened at a provider: the order is paid on its own', async () => {
    const payer = await customer();
    const cart = await readyForCheckout(gateway, {
      region_id: DemoRegionIds.china,
      items: [{ variant_id: V.teaSet, quantity: 1 }],
      headers: payer.auth,
      provider: 'wechat',
    });
    expect(cart.payment_session.provider_id).toBe('wechat');
    await request(gateway).post(`/store/carts/${cart.id}/submit`).set(payer.auth).expect(200);
    const [session] = await stack.env.sql<{ canceled_at: Date | null }>(
      'SELECT canceled_at FROM payment.session WHERE id = $1',
      [cart.payment_session.id],
    );
    expect(session.canceled_at).not.toBeNull();
  });

  it('answers a cart completed the Medusa way with its paid order, its payment left alone', async () => {
    const payer = await customer();
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.teeSmallWhite, quantity: 1 }],
      headers: payer.auth,
      provider: 'manual',
    });
    const completed = await request(gateway)
      .post(`/store/carts/${cart.id}/complete`)
      .set(payer.auth)
      .expect(200);
    expect(completed.body.data.payment_status).toBe('awaiting');
    const submitted = await request(gateway)
      .post(`/store/carts/${cart.id}/submit`)
      .set(payer.auth)
      .expect(200);
    expect(submitted.body.data).toMatchObject({ id: completed.body.data.id, payment_status: 'awaiting' });
    const [session] = await stack.env.sql<{ canceled_at: Date | null }>(
      'SELECT canceled_at FROM payment.session WHERE id = $1',
      [cart.payment_session.id],
    );
    expect(session.canceled_at).toBeNull();
  });

  it('refuses a guest (401), another customer (404) and a cart not ready (400), writing nothing', async () => {
    const payer = await customer();
    const other = await customer();
    const cart = await submittable(payer.auth);
    await request(gateway).post(`/store/carts/${cart.id}/submit`).expect(401);
    await request(gateway).post(`/store/carts/${cart.id}/submit`).set(other.auth).expect(404);

    const bare = (
      await request(gateway)
        .post('/store/carts')
        .set(payer.auth)
        .send({ region_id: DemoRegionIds.china, items: [{ variant_id: V.teaSet, quantity: 1 }] })
        .expect(200)
    ).body.cart;
    const refused = await request(gateway).post(`/store/carts/${bare.id}/submit`).set(payer.auth).expect(400);
    expect(refused.body).toMatchObject({ type: 'not_allowed' });
    await request(gateway).get(`/store/orders/cart/${cart.id}`).expect(404);
    await request(gateway).get(`/store/orders/cart/${bare.id}`).expect(404);
  });

  it('lets the customer cancel the unpaid order: canceled, stock back, once; nobody else may', async () => {
    const payer = await customer();
    const other = await customer();
    const cart = await submittable(payer.auth, 2);
    const before = await stocked();
    const order = (await request(gateway).post(`/store/carts/${cart.id}/submit`).set(payer.auth).expect(200))
      .body.data as Json;
    expect(await stocked()).toBe(before - 2);

    await request(gateway).post(`/store/orders/${order.id}/cancel`).expect(401);
    await request(gateway).post(`/store/orders/${order.id}/cancel`).set(other.auth).expect(404);
    const canceled = await request(gateway)
      .post(`/store/orders/${order.id}/cancel`)
      .set(payer.auth)
      .expect(200);
    expect(canceled.body.order).toMatchObject({ status: 'canceled', payment_status: 'canceled' });
    expect(canceled.body.order.canceled_at).not.toBeNull();
    await eventually(async () => (await stocked()) === before);

    // Canceled again: answered as it is, the stock put back once.
    await request(gateway).post(`/store/orders/${order.id}/cancel`).set(payer.auth).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stocked()).toBe(before);
  });

  it('cancels an order whose pay window passed, with its event, and puts its stock back', async () => {
    const payer = await customer();
    const cart = await submittable(payer.auth);
    const before = await stocked();
    const order = (await request(gateway).post(`/store/carts/${cart.id}/submit`).set(payer.auth).expect(200))
      .body.data as Json;
    await stack.env.sql(`UPDATE "order"."order" SET pay_expire = now() - interval '1 second' WHERE id = $1`, [
      order.id,
    ]);
    await eventually(async () => {
      const shown = await request(gateway).get(`/store/orders/${order.id}`).expect(200);
      return shown.body.order.status === 'canceled' && shown.body.order.payment_status === 'canceled';
    });
    await eventually(async () => (await stocked()) === before);
    const events = await stack.env.sql<{ reason: string }>(
      `SELECT envelope->'data'->>'reason' AS reason FROM "order".outbox
       WHERE subject = 'events.order.canceled' AND envelope->>'aggregate_id' = $1`,
      [order.id],
    );
    expect(events).toEqual([{ reason: 'expired' }]);
  });
});
