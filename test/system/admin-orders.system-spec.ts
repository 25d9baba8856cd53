import { DemoRegionIds, DemoShippingOptionIds, DemoVariantIds as V } from '@app/contracts';
import Medusa from '@medusajs/medusa-js';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { adminHeaders, ALL_APPS } from '../support/admin';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { complete, readyForCheckout } from '../support/checkout';
import { signedUpCustomer } from '../support/customers';
import { Json } from '../support/store-carts';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

/**
 * The merchant's order routes (Medusa v1 admin): list and read orders, capture an authorized
 * payment, cancel an order not paid yet (its money voided, its stock back), refuse to cancel one
 * whose money was taken; admin sign-in only.
 */
describe('admin orders: list, read, fulfill, ship, capture, refund, cancel; return reasons', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  const mailDir = mkdtempSync(join(tmpdir(), 'admin-orders-mail-'));
  const mails = () => readdirSync(mailDir).map((name) => readFileSync(join(mailDir, name), 'utf8'));

  /** A guest order paid with the manual provider: authorized, not captured. */
  const placed = async (quantity = 1): Promise<Json> => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity }],
      provider: 'manual',
    });
    return (await complete(gateway, cart.id).expect(200)).body.data;
  };

  const stocked = async () =>
    (
      await env.sql<{ stocked_quantity: number }>(
        'SELECT stocked_quantity FROM catalog.inventory_level WHERE variant_id = $1',
        [V.mugWhite],
      )
    )[0].stocked_quantity;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ALL_APPS,
      freshDatabase: true,
      env: { MAIL_TRANSPORT: 'file', MAIL_DIR: mailDir, WEBHOOK_POLL_MS: '50' },
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('lists and reads every order for an admin only', async () => {
    const order = await placed();
    const customer = await signedUpCustomer(gateway);
    await request(gateway).get('/admin/orders').expect(401);
    await request(gateway).get('/admin/orders').set(customer.auth).expect(401);
    const page = await request(gateway).get('/admin/orders').set(admin).expect(200);
    expect(page.body).toMatchObject({ offset: 0, limit: 50 });
    expect(page.body.count).toBeGreaterThanOrEqual(1);
    const found = await request(gateway)
      .get(`/admin/orders?display_id=${order.display_id}&fields=id,display_id,payment_status`)
      .set(admin)
      .expect(200);
    expect(found.body.orders).toEqual([
      expect.objectContaining({ id: order.id, display_id: order.display_id, payment_status: 'awaiting' }),
    ]);
    const byEmail = await request(gateway)
      .get(`/admin/orders?q=${encodeURIComponent(order.email)}`)
      .set(admin)
      .expect(200);
    expect(byEmail.body.orders.map((shown: Json) => shown.id)).toContain(order.id);
    const one = await request(gateway).get(`/admin/orders/${order.id}`).set(admin).expect(200);
    expect(one.body.order).toMatchObject({ id: order.id, email: order.email });
    await request(gateway).get('/admin/orders/order_unknown').set(admin).expect(404);
  });

  it('captures an authorized payment once, then refuses to cancel the paid order', async () => {
    const order = await placed();
    const captured = await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    expect(captured.body.order).toMatchObject({ payment_status: 'captured', paid_total: order.total });
    const again = await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    expect(again.body.order.payment_status).toBe('captured');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const paid = await env.sql(
      `SELECT 1 FROM "order".outbox WHERE subject = 'events.order.paid' AND envelope->>'aggregate_id' = $1`,
      [order.id],
    );
    expect(paid).toHaveLength(1);
    const refused = await request(gateway).post(`/admin/orders/${order.id}/cancel`).set(admin).expect(400);
    expect(refused.body).toMatchObject({ type: 'not_allowed', code: 'order_paid' });
  });

  it('refunds in parts, never more than was captured, once per key, with Medusa’s refunds', async () => {
    const order = await placed(2);
    await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    const half = Math.floor(order.total / 2);
    const refund = (amount: number, key?: string) => {
      const call = request(gateway)
        .post(`/admin/orders/${order.id}/refund`)
        .set(admin)
        .send({ amount, reason: 'return', note: 'one mug came back broken' });
      return key ? call.set('Idempotency-Key', key) : call;
    };
    const first = await refund(half, `refund-${order.id}`).expect(200);
    expect(first.body.order).toMatchObject({ payment_status: 'partially_refunded', refunded_total: half });
    expect(first.body.order.refunds).toEqual([
      expect.objectContaining({ amount: half, reason: 'return', note: 'one mug came back broken' }),
    ]);
    const replayed = await refund(half, `refund-${order.id}`).expect(200);
    expect(replayed.body.order.refunds).toHaveLength(1);
    const tooMuch = await refund(order.total - half + 1).expect(400);
    expect(tooMuch.body.type).toBe('invalid_data');
    const rest = await refund(order.total - half).expect(200);
    expect(rest.body.order).toMatchObject({ payment_status: 'refunded', refunded_total: order.total });
    await request(gateway)
      .post(`/admin/orders/${order.id}/refund`)
      .set(admin)
      .send({ amount: 1, reason: 'refund' })
      .expect(400);
  });

  it('finishes a refund cut short when it is asked again under its key, never starting a second one', async () => {
    const order = await placed();
    await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    const [payment] = await env.sql<{ id: string; session_id: string }>(
      'SELECT id, session_id FROM "order".payment WHERE order_id = $1',
      [order.id],
    );
    // As left by a refund whose process died after recording it, before its share went back.
    await env.sql(
      `INSERT INTO "order".refund (id, order_id, amount, reason, parts, status, request_key)
       VALUES ('ref_01KDVDNA10CUTSHORT00000001', $1, 500, 'other', $2, 'pending', $3)`,
      [
        order.id,
        JSON.stringify([
          { payment_id: payment.id, session_id: payment.session_id, provider_id: 'manual', amount: 500 },
        ]),
        `cut-${order.id}`,
      ],
    );
    const finished = await request(gateway)
      .post(`/admin/orders/${order.id}/refund`)
      .set(admin)
      .set('Idempotency-Key', `cut-${order.id}`)
      .send({ amount: 500, reason: 'other' })
      .expect(200);
    expect(finished.body.order.refunds.map((refund: Json) => refund.id)).toEqual([
      'ref_01KDVDNA10CUTSHORT00000001',
    ]);
    expect(finished.body.order).toMatchObject({ refunded_total: 500, payment_status: 'partially_refunded' });
    const [attempt] = await env.sql<{ amount_refunded: number }>(
      'SELECT amount_refunded FROM payment.attempt WHERE session_id = $1',
      [payment.session_id],
    );
    expect(attempt.amount_refunded).toBe(500);
  });

  it('of 10 parallel refunds of 30 % each, only what was captured goes back', async () => {
    const order = await placed(2);
    await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    const part = Math.floor((order.total * 30) / 100);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(gateway)
          .post(`/admin/orders/${order.id}/refund`)
          .set(admin)
          .send({ amount: part, reason: 'other' }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(7);
    const [{ refunded }] = await env.sql<{ refunded: number }>(
      `SELECT a.amount_refunded AS refunded FROM payment.attempt a JOIN "order".payment p ON p.session_id = a.session_id
       WHERE p.order_id = $1`,
      [order.id],
    );
    expect(refunded).toBe(part * 3);
  });

  it('fulfills and ships an order in parts: statuses, quantities and tracking as Medusa shows them', async () => {
    const order = await placed(2);
    await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    const item = order.items[0].id as string;
    const fulfill = (items: Json[], status = 200) =>
      request(gateway)
        .post(`/admin/orders/${order.id}/fulfillment`)
        .set(admin)
        .send({ items })
        .expect(status);
    const first = (await fulfill([{ item_id: item, quantity: 1 }])).body.order;
    expect(first.fulfillment_status).toBe('partially_fulfilled');
    expect(first.items[0]).toMatchObject({ fulfilled_quantity: 1, shipped_quantity: null });
    expect((await fulfill([{ item_id: item, quantity: 2 }], 400)).body.message).toMatch(
      /more items than have been purchased/,
    );
    await fulfill([{ item_id: 'item_unknown', quantity: 1 }], 400);
    const second = (await fulfill([{ item_id: item, quantity: 1 }])).body.order;
    expect(second.fulfillment_status).toBe('fulfilled');
    const [one, two] = second.fulfillments as Json[];
    const ship = (fulfillment_id: string, tracking_numbers: string[]) =>
      request(gateway)
        .post(`/admin/orders/${order.id}/shipment`)
        .set(admin)
        .send({ fulfillment_id, tracking_numbers })
        .expect(200);
    const partly = (await ship(one.id, ['SF1234567890'])).body.order;
    expect(partly.fulfillment_status).toBe('partially_shipped');
    expect(partly.fulfillments[0]).toMatchObject({
      tracking_numbers: ['SF1234567890'],
      tracking_links: [{ tracking_number: 'SF1234567890', url: null }],
      items: [{ fulfillment_id: one.id, item_id: item, quantity: 1 }],
    });
    expect(partly.fulfillments[0].shipped_at).not.toBeNull();
    const shipped = (await ship(two.id, [])).body.order;
    expect(shipped.fulfillment_status).toBe('shipped');
    expect(shipped.items[0]).toMatchObject({ fulfilled_quantity: 2, shipped_quantity: 2 });
    await request(gateway)
      .post(`/admin/orders/${order.id}/shipment`)
      .set(admin)
      .send({ fulfillment_id: 'ful_unknown' })
      .expect(404);
    const seen = await request(gateway).get(`/store/orders/${order.id}`).expect(200);
    expect(medusaSchemaErrors('StoreOrdersRes', seen.body)).toBeNull();
    const events = await env.sql<{ subject: string }>(
      `SELECT subject FROM "order".outbox WHERE envelope->>'aggregate_id' = $1 AND subject LIKE 'events.order.%ment-created'
       ORDER BY occurred_at`,
      [order.id],
    );
    expect(events.map((event) => event.subject).sort()).toEqual([
      'events.order.fulfillment-created',
      'events.order.fulfillment-created',
      'events.order.shipment-created',
      'events.order.shipment-created',
    ]);
  });

  it('returns: the store asks, the merchant receives — restocked and refunded once, the order partly returned', async () => {
    const order = await placed(2);
    await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(200);
    const item = order.items[0];
    const unit = Math.round(item.total / item.quantity);
    const notYet = await request(gateway)
      .post('/store/returns')
      .send({ order_id: order.id, items: [{ item_id: item.id, quantity: 1 }] })
      .expect(400);
    expect(notYet.body.message).toMatch(/fulfilled/);
    await request(gateway)
      .post(`/admin/orders/${order.id}/fulfillment`)
      .set(admin)
      .send({ items: [{ item_id: item.id, quantity: 2 }] })
      .expect(200);
    const medusa = new Medusa({ baseUrl: gateway, maxRetries: 0 });
    const { return: asked } = (await medusa.returns.create({
      order_id: order.id,
      items: [{ item_id: item.id, quantity: 1, note: 'chipped' }],
      return_shipping: { option_id: DemoShippingOptionIds.europeReturn },
    })) as unknown as { return: Json };
    expect(asked).toMatchObject({ status: 'requested', order_id: order.id, refund_amount: unit - 500 });
    expect(asked.items).toEqual([
      expect.objectContaining({ item_id: item.id, quantity: 1, requested_quantity: 1, note: 'chipped' }),
    ]);
    await request(gateway)
      .post('/store/returns')
      .send({ order_id: order.id, items: [{ item_id: item.id, quantity: 2 }] })
      .expect(400);
    const before = await stocked();
    await request(gateway)
      .post(`/admin/returns/${asked.id}/receive`)
      .send({ items: [{ item_id: item.id, quantity: 1 }] })
      .expect(401);
    const receive = () =>
      request(gateway)
        .post(`/admin/returns/${asked.id}/receive`)
        .set(admin)
        .send({ items: [{ item_id: item.id, quantity: 1 }] })
        .expect(200);
    expect((await receive()).body.return).toMatchObject({ status: 'received', refund_amount: unit - 500 });
    await receive(); // again: nothing more restocked or refunded
    expect(await stocked()).toBe(before + 1);
    const after = (await request(gateway).get(`/admin/orders/${order.id}`).set(admin).expect(200)).body.order;
    expect(after).toMatchObject({
      fulfillment_status: 'partially_returned',
      payment_status: 'partially_refunded',
      refunded_total: unit - 500,
    });
    expect(after.refunds).toEqual([expect.objectContaining({ amount: unit - 500, reason: 'return' })]);
    expect(after.items[0]).toMatchObject({ returned_quantity: 1 });
    expect(after.returns).toEqual([expect.objectContaining({ id: asked.id, status: 'received' })]);
    await eventually(
      async () =>
        mails().filter((mail) => mail.includes(`#${order.display_id}`) && mail.includes('退货已签收'))
          .length === 1,
      10_000,
      'return mail',
    );
  });

  it('issues gift cards with a code of their own, usable on a cart of their region', async () => {
    await request(gateway)
      .post('/admin/gift-cards')
      .send({ region_id: DemoRegionIds.europe, value: 2500 })
      .expect(401);
    const { gift_card } = (
      await request(gateway)
        .post('/admin/gift-cards')
        .set(admin)
        .send({ region_id: DemoRegionIds.europe, value: 2500 })
        .expect(200)
    ).body;
    expect(gift_card).toMatchObject({
      value: 2500,
      balance: 2500,
      region_id: DemoRegionIds.europe,
      is_disabled: false,
    });
    expect(gift_card.code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    await request(gateway)
      .post('/admin/gift-cards')
      .set(admin)
      .send({ region_id: 'reg_unknown', value: 2500 })
      .expect(404);
    await request(gateway)
      .post('/admin/gift-cards')
      .set(admin)
      .send({ region_id: DemoRegionIds.europe, value: -1 })
      .expect(400);
    const listed = await request(gateway).get(`/admin/gift-cards?q=${gift_card.code}`).set(admin).expect(200);
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 50 });
    const store = await request(gateway).get(`/store/gift-cards/${gift_card.code}`).expect(200);
    expect(store.body.gift_card).toMatchObject({ code: gift_card.code, value: 2500 });
  });

  it('keeps return reasons: the merchant adds them, the store reads them through medusa-js', async () => {
    const value = `damaged-${Date.now()}`;
    await request(gateway).post('/admin/return-reasons').send({ value, label: 'Damaged' }).expect(401);
    const parent = (
      await request(gateway)
        .post('/admin/return-reasons')
        .set(admin)
        .send({ value, label: 'Damaged', description: 'Arrived broken' })
        .expect(200)
    ).body.return_reason;
    const child = (
      await request(gateway)
        .post('/admin/return-reasons')
        .set(admin)
        .send({ value: `${value}-glass`, label: 'Broken glass', parent_return_reason_id: parent.id })
        .expect(200)
    ).body.return_reason;
    const duplicate = await request(gateway)
      .post('/admin/return-reasons')
      .set(admin)
      .send({ value, label: 'Again' })
      .expect(422);
    expect(duplicate.body.type).toBe('duplicate_error');
    await request(gateway)
      .post('/admin/return-reasons')
      .set(admin)
      .send({ value: `${value}-deeper`, label: 'Too deep', parent_return_reason_id: child.id })
      .expect(400);

    const medusa = new Medusa({ baseUrl: gateway, maxRetries: 0 });
    const { return_reasons } = (await medusa.returnReasons.list()) as unknown as { return_reasons: Json[] };
    const listed = return_reasons.find((reason) => reason.id === parent.id) as Json;
    expect(listed).toMatchObject({ value, label: 'Damaged', description: 'Arrived broken' });
    expect(listed.return_reason_children.map((reason: Json) => reason.id)).toEqual([child.id]);
    expect(return_reasons.map((reason) => reason.id)).not.toContain(child.id);
    const { return_reason } = (await medusa.returnReasons.retrieve(child.id)) as unknown as {
      return_reason: Json;
    };
    expect(return_reason.parent_return_reason).toMatchObject({ id: parent.id });
    const answer = await request(gateway).get(`/store/return-reasons/${child.id}`).expect(200);
    // Medusa's spec types `return_reason_children` as an object; its entity (and medusa-js) has an
    // array, which is what Medusa sends: checked against the spec with that one field set aside.
    const { return_reason_children: children, ...rest } = answer.body.return_reason;
    expect(medusaSchemaErrors('StoreReturnReasonsRes', { return_reason: rest })).toBeNull();
    expect(children).toEqual([]);
    await request(gateway).get('/store/return-reasons/rr_unknown').expect(404);
  });

  it('cancels an authorized order: its money voided, its stock back, once', async () => {
    const before = await stocked();
    const order = await placed(2);
    expect(await stocked()).toBe(before - 2);
    const canceled = await request(gateway).post(`/admin/orders/${order.id}/cancel`).set(admin).expect(200);
    expect(canceled.body.order).toMatchObject({ status: 'canceled', payment_status: 'canceled' });
    await eventually(async () => (await stocked()) === before, 10_000, 'stock back');
    const [attempt] = await env.sql<{ status: string }>(
      `SELECT a.status FROM payment.attempt a JOIN "order".payment p ON p.session_id = a.session_id WHERE p.order_id = $1`,
      [order.id],
    );
    expect(attempt.status).toBe('voided');
    await request(gateway).post(`/admin/orders/${order.id}/cancel`).set(admin).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stocked()).toBe(before);
    const capture = await request(gateway).post(`/admin/orders/${order.id}/capture`).set(admin).expect(400);
    expect(capture.body.type).toBe('not_allowed');
  });
});
