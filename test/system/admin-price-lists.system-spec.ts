import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { recordedEvents } from '../support/outbox';
import { readyForCheckout } from '../support/checkout';
import { signedUpCustomer, SignedUpCustomer } from '../support/customers';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/** Classic Tee S / White costs €19.50 in the demo store. */
const TEE_PRICE = 1950;
const WHOLESALE_PRICE = 1400;

/**
 * Customer groups and price lists for the merchant (Medusa v1 admin: `/admin/customer-groups`,
 * `/admin/price-lists`): a list for a group prices its signed-in members' carts and nobody else's;
 * drafts, ended lists and removed members are priced as before; a placed order keeps its price
 * whatever the list does next; bad input writes nothing.
 */
describe('admin customer groups and price lists', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  let member: SignedUpCustomer;
  let stranger: SignedUpCustomer;
  let groupId: string;
  let listId: string;

  /** The unit price of the tee in a new Europe cart of `headers`' customer (anonymous when none). */
  const teePrice = async (headers: Record<string, string> = {}): Promise<number> => {
    const { body } = await request(gateway)
      .post('/store/carts')
      .set(headers)
      .send({ region_id: DemoRegionIds.europe, items: [{ variant_id: V.teeSmallWhite, quantity: 1 }] })
      .expect(200);
    return body.cart.items[0].unit_price;
  };
  const priceListCount = async () =>
    (await request(gateway).get('/admin/price-lists').set(admin).expect(200)).body.count as number;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'],
      freshDatabase: true,
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
    [member, stranger] = await Promise.all([signedUpCustomer(gateway), signedUpCustomer(gateway)]);
  });
  afterAll(() => env.close());

  it('serves only the merchant', async () => {
    await request(gateway).get('/admin/customer-groups').expect(401);
    await request(gateway).get('/admin/price-lists').set(member.auth).expect(401);
  });

  it('creates a customer group once per key and adds members in batches', async () => {
    const create = () =>
      request(gateway)
        .post('/admin/customer-groups')
        .set(admin)
        .set('Idempotency-Key', 'group-wholesale')
        .send({ name: 'Wholesale', metadata: { tier: 'b2b' } })
        .expect(200);
    const { body } = await create();
    expect(body.customer_group).toEqual({
      id: expect.stringMatching(/^cgrp_/),
      name: 'Wholesale',
      metadata: { tier: 'b2b' },
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    });
    groupId = body.customer_group.id;
    expect((await create()).body.customer_group.id).toBe(groupId);

    const duplicate = await request(gateway)
      .post('/admin/customer-groups')
      .set(admin)
      .send({ name: 'Wholesale' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.type).toBe('duplicate_error');

    const unknown = await request(gateway)
      .post(`/admin/customer-groups/${groupId}/customers/batch`)
      .set(admin)
      .send({ customer_ids: [{ id: member.id }, { id: 'cus_01NOPE00000000000000000000' }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('cus_01NOPE00000000000000000000');

    await request(gateway)
      .post(`/admin/customer-groups/${groupId}/customers/batch`)
      .set(admin)
      .send({ customer_ids: [{ id: member.id }] })
      .expect(200);
    const members = await request(gateway)
      .get(`/admin/customer-groups/${groupId}/customers`)
      .set(admin)
      .expect(200);
    expect(members.body).toMatchObject({ count: 1, offset: 0 });
    expect(members.body.customers.map((customer: Json) => customer.id)).toEqual([member.id]);

    const listed = await request(gateway).get('/admin/customer-groups?q=whole').set(admin).expect(200);
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 10 });
    expect(listed.body.customer_groups[0].id).toBe(groupId);
    const renamed = await request(gateway)
      .post(`/admin/customer-groups/${groupId}`)
      .set(admin)
      .send({ name: 'Wholesale buyers' })
      .expect(200);
    expect(renamed.body.customer_group).toMatchObject({
      name: 'Wholesale buyers',
      metadata: { tier: 'b2b' },
    });
    // Created, a member added, renamed: the refused batch recorded nothing.
    expect(await recordedEvents(env, 'customer', groupId)).toEqual(
      Array(3).fill('events.customer.customer-group-changed'),
    );
  });

  it('refuses a bad price list whole', async () => {
    const before = await priceListCount();
    const base = {
      name: 'Bad',
      description: 'refused',
      type: 'sale',
      status: 'active',
      prices: [{ variant_id: V.teeSmallWhite, currency_code: 'eur', amount: 100 }],
    };
    const refused = [
      [{ ...base, customer_groups: [{ id: 'cgrp_01NOPE00000000000000000000' }] }, 404],
      [
        {
          ...base,
          prices: [
            {
              variant_id: V.teeSmallWhite,
              region_id: DemoRegionIds.europe,
              currency_code: 'cny',
              amount: 100,
            },
          ],
        },
        400,
      ],
      [{ ...base, prices: [{ variant_id: V.teeSmallWhite, currency_code: 'eur', amount: -1 }] }, 400],
      [
        {
          ...base,
          prices: [{ variant_id: 'variant_01NOPE00000000000000000000', currency_code: 'eur', amount: 100 }],
        },
        404,
      ],
      [{ ...base, starts_at: '2027-02-01T00:00:00Z', ends_at: '2027-01-01T00:00:00Z' }, 400],
      [{ ...base, type: 'clearance' }, 400],
    ] as const;
    for (const [body, status] of refused) {
      const answer = await request(gateway).post('/admin/price-lists').set(admin).send(body);
      expect({ body, status: answer.status }).toEqual({ body, status });
      expect(answer.body).toMatchObject({ type: expect.any(String), message: expect.any(String) });
    }
    expect(await priceListCount()).toBe(before);
  });

  it('prices a group’s price list in its signed-in members’ carts only', async () => {
    const { body } = await request(gateway)
      .post('/admin/price-lists')
      .set(admin)
      .set('Idempotency-Key', 'list-wholesale')
      .send({
        name: 'Wholesale',
        description: 'Trade prices',
        type: 'override',
        status: 'active',
        customer_groups: [{ id: groupId }],
        prices: [{ variant_id: V.teeSmallWhite, currency_code: 'eur', amount: WHOLESALE_PRICE }],
      })
      .expect(200);
    listId = body.price_list.id;
    expect(body.price_list).toMatchObject({
      id: expect.stringMatching(/^pl_/),
      name: 'Wholesale',
      description: 'Trade prices',
      type: 'override',
      status: 'active',
      starts_at: null,
      ends_at: null,
      includes_tax: false,
      deleted_at: null,
      customer_groups: [{ id: groupId, name: 'Wholesale buyers', metadata: { tier: 'b2b' } }],
      prices: [
        {
          id: expect.stringMatching(/^ma_/),
          variant_id: V.teeSmallWhite,
          currency_code: 'eur',
          amount: WHOLESALE_PRICE,
          price_list_id: listId,
          region_id: null,
          min_quantity: null,
          max_quantity: null,
        },
      ],
    });

    expect(await teePrice(member.auth)).toBe(WHOLESALE_PRICE);
    expect(await teePrice(stranger.auth)).toBe(TEE_PRICE);
    expect(await recordedEvents(env, 'catalog', listId)).toEqual(['events.catalog.price-list-created']);
    expect(await teePrice()).toBe(TEE_PRICE);
    const read = await request(gateway).get(`/admin/price-lists/${listId}`).set(admin).expect(200);
    expect(read.body.price_list.customer_groups.map((group: Json) => group.id)).toEqual([groupId]);
  });

  it('stops pricing a list that is a draft or has ended, and prices it again when active', async () => {
    const change = (body: object) =>
      request(gateway).post(`/admin/price-lists/${listId}`).set(admin).send(body).expect(200);
    await change({ status: 'draft' });
    expect(await teePrice(member.auth)).toBe(TEE_PRICE);
    await change({ status: 'active', ends_at: '2020-01-01T00:00:00Z' });
    expect(await teePrice(member.auth)).toBe(TEE_PRICE);
    await change({ ends_at: null });
    expect(await teePrice(member.auth)).toBe(WHOLESALE_PRICE);
  });

  it('adds and removes a list’s prices in batches', async () => {
    const added = await request(gateway)
      .post(`/admin/price-lists/${listId}/prices/batch`)
      .set(admin)
      .send({ prices: [{ variant_id: V.teeMediumBlack, region_id: DemoRegionIds.europe, amount: 1300 }] })
      .expect(200);
    const mediumPrice = added.body.price_list.prices.find(
      (price: Json) => price.variant_id === V.teeMediumBlack,
    );
    expect(mediumPrice).toMatchObject({
      region_id: DemoRegionIds.europe,
      currency_code: 'eur',
      amount: 1300,
    });
    const removed = await request(gateway)
      .delete(`/admin/price-lists/${listId}/prices/batch`)
      .set(admin)
      .send({ price_ids: [mediumPrice.id] })
      .expect(200);
    expect(removed.body).toEqual({ ids: [mediumPrice.id], object: 'money-amount', deleted: true });
    const read = await request(gateway).get(`/admin/price-lists/${listId}`).set(admin).expect(200);
    expect(read.body.price_list.prices.map((price: Json) => price.variant_id)).toEqual([V.teeSmallWhite]);
  });

  it('keeps a placed order’s price when the list changes, and prices members removed from the group as everyone', async () => {
    const cart = await readyForCheckout(gateway, {
      items: [{ variant_id: V.teeSmallWhite, quantity: 2 }],
      headers: member.auth,
    });
    expect(cart.items[0].unit_price).toBe(WHOLESALE_PRICE);
    const placed = await request(gateway)
      .post(`/store/carts/${cart.id}/complete`)
      .set(member.auth)
      .expect(200);
    expect(placed.body.type).toBe('order');
    const orderId = placed.body.data.id;

    await request(gateway)
      .post(`/admin/price-lists/${listId}/prices/batch`)
      .set(admin)
      .send({ override: true, prices: [{ variant_id: V.teeSmallWhite, currency_code: 'eur', amount: 900 }] })
      .expect(200);
    expect(await teePrice(member.auth)).toBe(900);
    const deleted = await request(gateway).delete(`/admin/price-lists/${listId}`).set(admin).expect(200);
    expect(deleted.body).toEqual({ id: listId, object: 'price-list', deleted: true });
    await request(gateway).get(`/admin/price-lists/${listId}`).set(admin).expect(404);
    expect(await teePrice(member.auth)).toBe(TEE_PRICE);

    const order = await request(gateway).get(`/store/orders/${orderId}`).set(member.auth).expect(200);
    expect(order.body.order.items[0]).toMatchObject({ unit_price: WHOLESALE_PRICE, quantity: 2 });
    expect(order.body.order.subtotal).toBe(2 * WHOLESALE_PRICE);

    await request(gateway)
      .post('/admin/price-lists')
      .set(admin)
      .send({
        name: 'Wholesale again',
        description: '',
        type: 'sale',
        status: 'active',
        customer_groups: [{ id: groupId }],
        prices: [{ variant_id: V.teeSmallWhite, currency_code: 'eur', amount: WHOLESALE_PRICE }],
      })
      .expect(200);
    expect(await teePrice(member.auth)).toBe(WHOLESALE_PRICE);
    await request(gateway)
      .delete(`/admin/customer-groups/${groupId}/customers/batch`)
      .set(admin)
      .send({ customer_ids: [{ id: member.id }] })
      .expect(200);
    expect(await teePrice(member.auth)).toBe(TEE_PRICE);

    const gone = await request(gateway).delete(`/admin/customer-groups/${groupId}`).set(admin).expect(200);
    expect(gone.body).toEqual({ id: groupId, object: 'customer_group', deleted: true });
    await request(gateway).get(`/admin/customer-groups/${groupId}`).set(admin).expect(404);
  });
});
