import { DemoVariantIds as V } from '@app/contracts';
import Medusa from '@medusajs/medusa-js';
import request from 'supertest';
import { adminHeaders, ALL_APPS } from '../support/admin';
import { complete, readyForCheckout } from '../support/checkout';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * Order edits and payment collections through medusa-js and the admin routes: the merchant adds a
 * line, the customer pays the difference through the edit's payment collection and confirms it —
 * the order's lines, totals, payments and stock follow once — or declines another edit.
 */
describe('order edits and payment collections', () => {
  let env: TestEnvironment;
  let gateway: string;
  let medusa: Medusa;
  let admin: Record<string, string>;

  const placed = async (quantity = 1): Promise<Json> => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.mugWhite, quantity }],
      provider: 'manual',
    });
    return (await complete(gateway, cart.id).expect(200)).body.data;
  };

  const stockOf = async (variant: string) =>
    (
      await env.sql<{ stocked_quantity: number }>(
        'SELECT stocked_quantity FROM catalog.inventory_level WHERE variant_id = $1',
        [variant],
      )
    )[0].stocked_quantity;

  const adminPost = (path: string, body: object = {}) => request(gateway).post(path).set(admin).send(body);

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

  it('adds a line, has the difference paid through the payment collection, and confirms the edit once', async () => {
    const order = await placed(1);
    await request(gateway).post('/admin/order-edits').send({ order_id: order.id }).expect(401);
    const created = (
      await adminPost('/admin/order-edits', { order_id: order.id, internal_note: 'add a tote' }).expect(200)
    ).body.order_edit;
    expect(created).toMatchObject({ status: 'created', order_id: order.id, difference_due: 0 });
    expect(created.items).toEqual([expect.objectContaining({ variant_id: V.mugWhite, quantity: 1 })]);
    await adminPost('/admin/order-edits', { order_id: order.id }).expect(400);

    const added = (
      await adminPost(`/admin/order-edits/${created.id}/items`, { variant_id: V.tote, quantity: 1 }).expect(
        200,
      )
    ).body.order_edit;
    const tote = (added.items as Json[]).find((item) => item.variant_id === V.tote) as Json;
    expect(added.difference_due).toBe(tote.total);
    expect(added.changes).toEqual([expect.objectContaining({ type: 'item_add', line_item_id: tote.id })]);
    const mugLine = (added.items as Json[]).find((item) => item.variant_id === V.mugWhite) as Json;
    const doubled = (
      await adminPost(`/admin/order-edits/${created.id}/items/${mugLine.id}`, { quantity: 2 }).expect(200)
    ).body.order_edit;
    expect((doubled.items as Json[]).find((item) => item.id === mugLine.id)).toMatchObject({ quantity: 2 });
    const removed = (
      await request(gateway)
        .delete(`/admin/order-edits/${created.id}/items/${tote.id}`)
        .set(admin)
        .expect(200)
    ).body.order_edit;
    expect(removed.items).toHaveLength(1);
    await adminPost(`/admin/order-edits/${created.id}/items`, { variant_id: V.tote, quantity: 1 }).expect(
      200,
    );

    const requested = (await adminPost(`/admin/order-edits/${created.id}/request`).expect(200)).body
      .order_edit;
    expect(requested.status).toBe('requested');
    expect(requested.payment_collection_id).toEqual(expect.stringMatching(/^paycol_/));
    await adminPost(`/admin/order-edits/${created.id}/items`, { variant_id: V.tote, quantity: 1 }).expect(
      400,
    );

    const { order_edit: shown } = await medusa.orderEdits.retrieve(created.id);
    expect(medusaSchemaErrors('OrderEdit', shown)).toBeNull();
    expect(shown).toMatchObject({
      internal_note: null,
      requested_by: null,
      difference_due: requested.difference_due,
    });
    const early = await request(gateway).post(`/store/order-edits/${created.id}/complete`).expect(400);
    expect(early.body.message).toBe('Unable to complete an order edit if the payment is not authorized');

    const collectionId = requested.payment_collection_id as string;
    const { payment_collection: collection } = await medusa.paymentCollections.retrieve(collectionId);
    expect(medusaSchemaErrors('PaymentCollection', collection)).toBeNull();
    expect(collection).toMatchObject({
      status: 'not_paid',
      amount: requested.difference_due,
      type: 'order_edit',
    });
    await request(gateway)
      .post(`/store/payment-collections/${collectionId}/sessions/batch`)
      .send({ sessions: [{ provider_id: 'manual', amount: 1 }] })
      .expect(400);
    await request(gateway)
      .post(`/store/payment-collections/${collectionId}/sessions`)
      .send({ provider_id: 'wechat' })
      .expect(400);
    const managed = (
      await medusa.paymentCollections.managePaymentSession(collectionId, { provider_id: 'manual' })
    ).payment_collection;
    expect(managed.status).toBe('awaiting');
    const [session] = managed.payment_sessions as Json[];
    expect(session).toMatchObject({ provider_id: 'manual', amount: requested.difference_due });
    const refreshed = await request(gateway)
      .post(`/store/payment-collections/${collectionId}/sessions/${session.id}`)
      .expect(200);
    expect(refreshed.body.payment_session.id).toBe(session.id);
    const authorized = await request(gateway)
      .post(`/store/payment-collections/${collectionId}/sessions/batch/authorize`)
      .send({ session_ids: [session.id] })
      .expect(200);
    expect(authorized.body.payment_collection).toMatchObject({
      status: 'authorized',
      authorized_amount: requested.difference_due,
    });

    const [mugs, totes] = [await stockOf(V.mugWhite), await stockOf(V.tote)];
    const { order_edit: confirmed } = await medusa.orderEdits.complete(created.id);
    expect(confirmed).toMatchObject({ status: 'confirmed', difference_due: 0 });
    expect(confirmed.confirmed_at).not.toBeNull();
    const again = await medusa.orderEdits.complete(created.id);
    expect(again.order_edit.confirmed_at).toBe(confirmed.confirmed_at);
    expect([await stockOf(V.mugWhite), await stockOf(V.tote)]).toEqual([mugs - 1, totes - 1]);

    const { order: edited } = (await request(gateway).get(`/admin/orders/${order.id}`).set(admin).expect(200))
      .body;
    expect(edited.total).toBe(order.total + requested.difference_due);
    expect(edited.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: mugLine.original_item_id, variant_id: V.mugWhite, quantity: 2 }),
        expect.objectContaining({ variant_id: V.tote, quantity: 1 }),
      ]),
    );
    expect(edited.payments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cart_id: collectionId, amount: requested.difference_due }),
      ]),
    );
    const declineConfirmed = await request(gateway).post(`/store/order-edits/${created.id}/decline`).send({});
    expect(declineConfirmed.status).toBe(400);
    expect(declineConfirmed.body.message).toBe('Cannot decline an order edit with status confirmed');
  });

  it('declines another order’s edit: the order stays as it was, and the edit cannot be completed', async () => {
    const order = await placed(2);
    const { order_edit: created } = (
      await adminPost('/admin/order-edits', { order_id: order.id }).expect(200)
    ).body;
    const mug = created.items[0] as Json;
    await adminPost(`/admin/order-edits/${created.id}/items/${mug.id}`, { quantity: 1 }).expect(200);
    const requested = (await adminPost(`/admin/order-edits/${created.id}/request`).expect(200)).body
      .order_edit;
    expect(requested.difference_due).toBeLessThan(0);
    expect(requested.payment_collection_id).toBeNull();

    const { order_edit: declined } = await medusa.orderEdits.decline(created.id, {
      declined_reason: 'I want both mugs',
    });
    expect(declined).toMatchObject({ status: 'declined', declined_reason: 'I want both mugs' });
    const late = await request(gateway).post(`/store/order-edits/${created.id}/complete`).expect(400);
    expect(late.body.message).toBe('Cannot complete an order edit with status declined');
    const { order: kept } = (await request(gateway).get(`/admin/orders/${order.id}`).set(admin).expect(200))
      .body;
    expect(kept).toMatchObject({ total: order.total });
    expect(kept.items).toEqual([expect.objectContaining({ id: order.items[0].id, quantity: 2 })]);

    // Declined, the order may be edited again; an edit without changes is not requested.
    const { order_edit: next } = (await adminPost('/admin/order-edits', { order_id: order.id }).expect(200))
      .body;
    await adminPost(`/admin/order-edits/${next.id}/request`).expect(400);
    await request(gateway).get('/store/order-edits/oe_unknown').expect(404);
    await request(gateway).get('/store/payment-collections/paycol_unknown').expect(404);
  });
});
