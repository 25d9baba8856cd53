import { DEMO_PUBLISHABLE_KEY, DemoProductIds, DemoRegionIds, DemoVariantIds } from '@app/contracts';
import request from 'supertest';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

const EUROPE = DemoRegionIds.europe;
const V = DemoVariantIds;
const KEY = 'x-publishable-api-key';
const APP_CHANNEL = 'sc_01KDVDNA30APPCHANNE000001';
const CLOSED_CHANNEL = 'sc_01KDVDNA30C1SED000000001';
const APP_KEY = 'pk_01KDVDNA30APPKEY000000001';
const TWO_CHANNEL_KEY = 'pk_01KDVDNA30TW0CHANNE000001';
const REVOKED_KEY = 'pk_01KDVDNA30REV0KED00000001';
/** Medusa's `message` beside the `errors` of its publishable-key checks. */
const CHECKS_MESSAGE = 'Provided request body contains errors. Please check the data and retry the request';

/**
 * Sales channels and publishable API keys as Medusa v1.20's store has them: the demo store sells
 * everything in its default channel under the demo key; here the Stoneware Mug moves to an "App"
 * channel of its own, with its key, beside a disabled channel, a key of two channels and a revoked key.
 */
describe('store API: sales channels and publishable API keys', () => {
  let env: TestEnvironment;
  let gateway: string;
  let defaultChannel: string;
  let demoProducts: string[];

  const productIds = (body: Json): string[] => body.products.map((product: Json) => product.id).sort();
  const get = (path: string, key?: string) => {
    const call = request(gateway).get(path);
    return key ? call.set(KEY, key) : call;
  };
  const post = (path: string, body: object, key?: string) => {
    const call = request(gateway).post(path).send(body);
    return key ? call.set(KEY, key) : call;
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'cart', 'gateway'], freshDatabase: true });
    gateway = env.url('gateway');
    [{ id: defaultChannel }] = await env.sql<{ id: string }>(
      'SELECT id FROM catalog.sales_channel WHERE is_default',
    );
    demoProducts = productIds((await get('/store/products').expect(200)).body);
    await env.sql(
      "INSERT INTO catalog.sales_channel (id, name, is_disabled) VALUES ($1, 'App', false), ($2, 'Closed', true)",
      [APP_CHANNEL, CLOSED_CHANNEL],
    );
    await env.sql(
      "INSERT INTO catalog.publishable_api_key (id, title, revoked_at) VALUES ($1, 'App', NULL), ($2, 'Both', NULL), ($3, 'Old', now())",
      [APP_KEY, TWO_CHANNEL_KEY, REVOKED_KEY],
    );
    await env.sql(
      'INSERT INTO catalog.publishable_api_key_sales_channel VALUES ($1, $4), ($2, $4), ($2, $5), ($3, $5)',
      [APP_KEY, TWO_CHANNEL_KEY, REVOKED_KEY, APP_CHANNEL, defaultChannel],
    );
    await env.sql('UPDATE catalog.product_sales_channel SET sales_channel_id = $1 WHERE product_id = $2', [
      APP_CHANNEL,
      DemoProductIds.stonewareMug,
    ]);
  });
  afterAll(() => env.close());

  describe('product reads', () => {
    it('without a key: the default channel; with the demo key: the same; a channel asked for: its products', async () => {
      const inDefault = demoProducts.filter((id) => id !== DemoProductIds.stonewareMug);
      expect(demoProducts).toContain(DemoProductIds.stonewareMug);
      const plain = (await get('/store/products').expect(200)).body;
      expect(productIds(plain)).toEqual(inDefault);
      expect(plain.count).toBe(inDefault.length);
      expect(productIds((await get('/store/products', DEMO_PUBLISHABLE_KEY).expect(200)).body)).toEqual(
        inDefault,
      );
      const app = (await get(`/store/products?sales_channel_id[]=${APP_CHANNEL}`).expect(200)).body;
      expect(productIds(app)).toEqual([DemoProductIds.stonewareMug]);
      const both = await get(
        `/store/products?sales_channel_id[]=${APP_CHANNEL}&sales_channel_id[]=${defaultChannel}`,
      );
      expect(productIds(both.body)).toEqual(demoProducts);
    });

    it('with the App key: only its channel’s products, in lists, search, variants', async () => {
      const list = (await get('/store/products', APP_KEY).expect(200)).body;
      expect(productIds(list)).toEqual([DemoProductIds.stonewareMug]);
      expect(list.count).toBe(1);
      const search = (await post('/store/products/search', { q: 'e' }, APP_KEY).expect(200)).body;
      expect(search.hits.map((hit: Json) => hit.id)).toEqual([DemoProductIds.stonewareMug]);
      const variants = (
        await get(`/store/variants?ids=${V.mugWhite},${V.teeSmallWhite}`, APP_KEY).expect(200)
      ).body.variants;
      expect(variants.map((variant: Json) => variant.id)).toEqual([V.mugWhite]);
      const unscoped = (await get(`/store/variants?ids=${V.mugWhite},${V.teeSmallWhite}`).expect(200)).body;
      expect(unscoped.variants).toHaveLength(2);
    });

    it('a channel outside the key’s, or a product not sold in them: Medusa’s 400 with `errors`', async () => {
      const asked = await get(`/store/products?sales_channel_id[]=${defaultChannel}`, APP_KEY).expect(400);
      expect(asked.body).toEqual({
        errors: [
          `Provided sales channel id param: ${defaultChannel} is not associated with the Publishable API Key passed in the header of the request.`,
        ],
        message: CHECKS_MESSAGE,
      });
      const product = await get(`/store/products/${DemoProductIds.classicTee}`, APP_KEY).expect(400);
      expect(product.body).toEqual({
        errors: [
          `Product with id: ${DemoProductIds.classicTee} is not associated with sales channels defined by the Publishable API Key passed in the header of the request.`,
        ],
        message: CHECKS_MESSAGE,
      });
      const variant = await get(`/store/variants/${V.teeSmallWhite}`, APP_KEY).expect(400);
      expect(variant.body.errors[0]).toBe(
        `Variant with id: ${V.teeSmallWhite} is not associated with sales channels defined by the Publishable API Key passed in the header of the request.`,
      );
      await get(`/store/products/${DemoProductIds.stonewareMug}`, APP_KEY).expect(200);
      await get(`/store/variants/${V.mugWhite}`, APP_KEY).expect(200);
    });

    it('one product: any without a key (as Medusa), not found outside a channel asked for', async () => {
      const mug = await get(`/store/products/${DemoProductIds.stonewareMug}`).expect(200);
      expect(medusaSchemaErrors('StoreProductsRes', mug.body)).toBeNull();
      const elsewhere = await get(
        `/store/products/${DemoProductIds.stonewareMug}?sales_channel_id=${defaultChannel}`,
      ).expect(404);
      expect(elsewhere.body).toEqual({
        type: 'not_found',
        message: `Product with id: ${DemoProductIds.stonewareMug} was not found`,
      });
      await get(`/store/variants/${V.mugWhite}?sales_channel_id=${APP_CHANNEL}`).expect(200);
      await get(`/store/variants/${V.mugWhite}?sales_channel_id=${defaultChannel}`).expect(404);
    });

    it('an unknown or revoked key is refused, on every scoped route', async () => {
      const refused = { type: 'not_allowed', code: 'invalid_publishable_key' };
      for (const key of ['pk_01KDVDNA30UNKN0WN00000001', REVOKED_KEY]) {
        expect((await get('/store/products', key).expect(400)).body).toMatchObject(refused);
        expect((await post('/store/carts', {}, key).expect(400)).body).toMatchObject({
          ...refused,
          message: 'A valid publishable key is required to proceed with the request',
        });
      }
    });
  });

  describe('carts', () => {
    it('are sold in the default channel, the key’s, or the one asked for, and show it as Medusa does', async () => {
      const plain = (await post('/store/carts', { region_id: EUROPE }).expect(200)).body.cart;
      expect(plain.sales_channel_id).toBe(defaultChannel);
      expect(plain.sales_channel).toEqual({
        id: defaultChannel,
        name: 'Default Sales Channel',
        description: expect.any(String),
        is_disabled: false,
        metadata: null,
        created_at: expect.any(String),
        updated_at: expect.any(String),
        deleted_at: null,
      });
      expect(medusaSchemaErrors('StoreCartsRes', { cart: plain })).toBeNull();
      const demo = (await post('/store/carts', {}, DEMO_PUBLISHABLE_KEY).expect(200)).body.cart;
      expect(demo.sales_channel_id).toBe(defaultChannel);
      const app = (await post('/store/carts', {}, APP_KEY).expect(200)).body.cart;
      expect(app.sales_channel).toMatchObject({ id: APP_CHANNEL, name: 'App' });
      const asked = (await post('/store/carts', { sales_channel_id: APP_CHANNEL }).expect(200)).body.cart;
      expect(asked.sales_channel_id).toBe(APP_CHANNEL);
      const reread = (await get(`/store/carts/${asked.id}`).expect(200)).body.cart;
      expect(reread.sales_channel).toEqual(asked.sales_channel);
    });

    it('sell only their channel’s products; nothing is written when one is refused', async () => {
      const before = await env.sql<{ count: number }>('SELECT count(*)::int AS count FROM cart.cart');
      const refused = await post('/store/carts', {
        region_id: EUROPE,
        items: [{ variant_id: V.mugWhite, quantity: 1 }],
      }).expect(400);
      expect(refused.body).toEqual({
        type: 'invalid_data',
        message:
          'The product "Stoneware Mug" must belong to the sales channel on which the cart has been created.',
      });
      expect(await env.sql('SELECT count(*)::int AS count FROM cart.cart')).toEqual(before);

      const app = (await post('/store/carts', { region_id: EUROPE }, APP_KEY).expect(200)).body.cart;
      const tee = await post(`/store/carts/${app.id}/line-items`, {
        variant_id: V.teeSmallWhite,
        quantity: 1,
      });
      expect(tee.status).toBe(400);
      expect(tee.body.message).toBe(
        'The product "Classic Tee" must belong to the sales channel on which the cart has been created.',
      );
      const mug = (
        await post(`/store/carts/${app.id}/line-items`, { variant_id: V.mugWhite, quantity: 2 }).expect(200)
      ).body.cart;
      expect(mug.items.map((item: Json) => item.variant_id)).toEqual([V.mugWhite]);
    });

    it('moved to another channel, drop the lines of products not sold there', async () => {
      const cart = (
        await post('/store/carts', {
          region_id: EUROPE,
          items: [{ variant_id: V.teeSmallWhite, quantity: 1 }],
        }).expect(200)
      ).body.cart;
      const moved = (await post(`/store/carts/${cart.id}`, { sales_channel_id: APP_CHANNEL }).expect(200))
        .body.cart;
      expect(moved.sales_channel).toMatchObject({ id: APP_CHANNEL, name: 'App' });
      expect(moved.items).toEqual([]);
      const refused = await post(`/store/carts/${moved.id}`, { sales_channel_id: defaultChannel }, APP_KEY);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toHaveLength(1);
      expect((await get(`/store/carts/${moved.id}`).expect(200)).body.cart.sales_channel_id).toBe(
        APP_CHANNEL,
      );
    });

    it('refuse a disabled or unknown channel, and a key of several channels without one named', async () => {
      const closed = await post('/store/carts', { sales_channel_id: CLOSED_CHANNEL }).expect(400);
      expect(closed.body).toEqual({
        type: 'invalid_data',
        message: 'Unable to assign the cart to a disabled Sales Channel "Closed"',
      });
      const unknown = await post('/store/carts', { sales_channel_id: 'sc_01KDVDNA30N0NE0000000001' }).expect(
        404,
      );
      expect(unknown.body).toEqual({
        type: 'not_found',
        message: 'Sales channel with id sc_01KDVDNA30N0NE0000000001 was not found',
      });
      const several = await post('/store/carts', {}, TWO_CHANNEL_KEY).expect(400);
      expect(several.body).toEqual({
        type: 'invalid_data',
        message:
          'The PublishableApiKey provided in the request header has multiple associated sales channels.',
      });
      const named = (
        await post('/store/carts', { sales_channel_id: APP_CHANNEL }, TWO_CHANNEL_KEY).expect(200)
      ).body;
      expect(named.cart.sales_channel_id).toBe(APP_CHANNEL);
    });
  });
});
