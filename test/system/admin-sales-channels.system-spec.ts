import { DemoProductIds as P, DemoRegionIds } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { recordedEvents } from '../support/outbox';
import { Json } from '../support/store-carts';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

const KEY = 'x-publishable-api-key';

/**
 * Sales channels and publishable API keys for the merchant (Medusa v1 admin paths): a channel of its
 * own products, a key scoped to it that a storefront then reads and sells through, a key revoked and
 * refused at once, a channel disabled and refusing new carts, the default channel kept.
 */
describe('admin sales channels and publishable API keys', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  let channelId: string;
  let keyId: string;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'customer', 'gateway'],
      freshDatabase: true,
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('serves only the merchant', async () => {
    await request(gateway).get('/admin/sales-channels').expect(401);
    await request(gateway).post('/admin/publishable-api-keys').send({ title: 'x' }).expect(401);
  });

  it('creates a channel once per key and sells the products added to it', async () => {
    const create = () =>
      request(gateway)
        .post('/admin/sales-channels')
        .set(admin)
        .set('Idempotency-Key', 'channel-kiosk')
        .send({ name: 'Kiosk', description: 'The shop-floor tablet' })
        .expect(200);
    const { body } = await create();
    channelId = body.sales_channel.id;
    expect(body.sales_channel).toEqual({
      id: expect.stringMatching(/^sc_/),
      name: 'Kiosk',
      description: 'The shop-floor tablet',
      is_disabled: false,
      metadata: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    });
    expect((await create()).body.sales_channel.id).toBe(channelId);
    expect(await recordedEvents(env, 'catalog', channelId)).toEqual(['events.catalog.sales-channel-changed']);
    const listed = await request(gateway).get('/admin/sales-channels?q=kiosk').set(admin).expect(200);
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 20 });

    const batch = `/admin/sales-channels/${channelId}/products/batch`;
    await request(gateway)
      .post(batch)
      .set(admin)
      .send({ product_ids: [{ id: P.stonewareMug }, { id: 'prod_01NOPE00000000000000000000' }] })
      .expect(404);
    await request(gateway)
      .post(batch)
      .set(admin)
      .send({ product_ids: [{ id: P.stonewareMug }, { id: P.classicTee }] })
      .expect(200);
    await request(gateway)
      .delete(batch)
      .set(admin)
      .send({ product_ids: [{ id: P.classicTee }] })
      .expect(200);
    const sold = await request(gateway).get(`/store/products?sales_channel_id[]=${channelId}`).expect(200);
    expect(sold.body.products.map((product: Json) => product.id)).toEqual([P.stonewareMug]);
  });

  it('scopes a storefront to a key’s channels, and refuses the key once revoked', async () => {
    const created = await request(gateway)
      .post('/admin/publishable-api-keys')
      .set(admin)
      .send({ title: 'Kiosk app' })
      .expect(200);
    keyId = created.body.publishable_api_key.id;
    expect(created.body.publishable_api_key).toEqual({
      id: expect.stringMatching(/^pk_/),
      title: 'Kiosk app',
      created_by: expect.stringMatching(/^usr_/),
      revoked_by: null,
      revoked_at: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    await request(gateway)
      .post(`/admin/publishable-api-keys/${keyId}/sales-channels/batch`)
      .set(admin)
      .send({ sales_channel_ids: [{ id: channelId }] })
      .expect(200);
    const channels = await request(gateway)
      .get(`/admin/publishable-api-keys/${keyId}/sales-channels`)
      .set(admin)
      .expect(200);
    expect(channels.body.sales_channels.map((channel: Json) => channel.id)).toEqual([channelId]);

    const products = await request(gateway).get('/store/products').set(KEY, keyId).expect(200);
    expect(products.body.products.map((product: Json) => product.id)).toEqual([P.stonewareMug]);
    const cart = await request(gateway)
      .post('/store/carts')
      .set(KEY, keyId)
      .send({ region_id: DemoRegionIds.europe })
      .expect(200);
    expect(cart.body.cart.sales_channel_id).toBe(channelId);

    const revoked = await request(gateway)
      .post(`/admin/publishable-api-keys/${keyId}/revoke`)
      .set(admin)
      .expect(200);
    expect(revoked.body.publishable_api_key).toMatchObject({
      revoked_at: expect.any(String),
      revoked_by: expect.stringMatching(/^usr_/),
    });
    await eventually(
      async () => (await request(gateway).get('/store/products').set(KEY, keyId)).status === 400,
      5_000,
      'the revoked key refused',
    );
    const refused = await request(gateway).get('/store/products').set(KEY, keyId).expect(400);
    expect(refused.body.type).toBe('not_allowed');
  });

  it('disables a channel, which then takes no new carts, and never deletes the default one', async () => {
    const cart = () =>
      request(gateway)
        .post('/store/carts')
        .send({ region_id: DemoRegionIds.europe, sales_channel_id: channelId });
    const open = (await cart().expect(200)).body.cart;
    const shown = async () =>
      (await request(gateway).get(`/store/carts/${open.id}`).expect(200)).body.cart.sales_channel;
    // An open cart shows its channel as the merchant last changed it.
    await request(gateway)
      .post(`/admin/sales-channels/${channelId}`)
      .set(admin)
      .send({ name: 'Kiosk (renamed)' })
      .expect(200);
    await eventually(async () => (await shown()).name === 'Kiosk (renamed)', 5_000, 'the open cart’s copy');
    await request(gateway)
      .post(`/admin/sales-channels/${channelId}`)
      .set(admin)
      .send({ is_disabled: true })
      .expect(200);
    await eventually(async () => (await cart()).status === 400, 5_000, 'the disabled channel refused');
    await eventually(async () => (await shown()).is_disabled === true, 5_000, 'the copy disabled');
    expect(await shown()).toMatchObject({ id: channelId, name: 'Kiosk (renamed)' });

    const all = await request(gateway).get('/admin/sales-channels').set(admin).expect(200);
    const defaultChannel = all.body.sales_channels.find(
      (channel: Json) => channel.name === 'Default Sales Channel',
    );
    const refused = await request(gateway).delete(`/admin/sales-channels/${defaultChannel.id}`).set(admin);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      type: 'not_allowed',
      message: 'You cannot delete the default sales channel',
    });

    const deleted = await request(gateway)
      .delete(`/admin/sales-channels/${channelId}`)
      .set(admin)
      .expect(200);
    expect(deleted.body).toEqual({ id: channelId, object: 'sales-channel', deleted: true });
    await request(gateway).get(`/admin/sales-channels/${channelId}`).set(admin).expect(404);
    const gone = await request(gateway).delete(`/admin/publishable-api-keys/${keyId}`).set(admin).expect(200);
    expect(gone.body).toEqual({ id: keyId, object: 'publishable_api_key', deleted: true });
    await request(gateway).get(`/admin/publishable-api-keys/${keyId}`).set(admin).expect(404);
  });
});
