import {
  DemoProductIds as P,
  DemoRegionIds,
  DemoShippingOptionIds as SO,
  DemoVariantIds as V,
} from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { recordedEvents } from '../support/outbox';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * Shipping options and profiles for the merchant (Medusa v1 admin paths): a custom profile for bulky
 * goods with an option of its own, which carts holding those goods are then offered; an option's price
 * and requirements changed and offered so; options and profiles deleted, never the store's own profiles.
 */
describe('admin shipping options and profiles', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  let bulky: Json;
  let freight: Json;

  /** The names and prices of the options a new Europe cart holding `variantId` is offered. */
  const offered = async (variantId: string, quantity = 1): Promise<Record<string, number>> => {
    const cart = await request(gateway)
      .post('/store/carts')
      .send({ region_id: DemoRegionIds.europe, items: [{ variant_id: variantId, quantity }] })
      .expect(200);
    const { body } = await request(gateway).get(`/store/shipping-options/${cart.body.cart.id}`).expect(200);
    return Object.fromEntries(body.shipping_options.map((option: Json) => [option.name, option.amount]));
  };

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
    await request(gateway).get('/admin/shipping-profiles').expect(401);
    await request(gateway)
      .post(`/admin/shipping-options/${SO.europeStandard}`)
      .send({ amount: 1 })
      .expect(401);
  });

  it('ships goods moved to a custom profile by that profile’s options only', async () => {
    const profiles = await request(gateway).get('/admin/shipping-profiles').set(admin).expect(200);
    expect(profiles.body.shipping_profiles.map((profile: Json) => profile.type).sort()).toEqual([
      'default',
      'gift_card',
    ]);

    bulky = (
      await request(gateway)
        .post('/admin/shipping-profiles')
        .set(admin)
        .send({ name: 'Bulky', type: 'custom' })
        .expect(200)
    ).body.shipping_profile;
    expect(bulky).toMatchObject({ name: 'Bulky', type: 'custom', products: [], shipping_options: [] });
    freight = (
      await request(gateway)
        .post('/admin/shipping-options')
        .set(admin)
        .send({
          name: 'Freight',
          region_id: DemoRegionIds.europe,
          provider_id: 'manual',
          profile_id: bulky.id,
          price_type: 'flat_rate',
          amount: 2500,
        })
        .expect(200)
    ).body.shipping_option;
    const moved = await request(gateway)
      .post(`/admin/shipping-profiles/${bulky.id}`)
      .set(admin)
      .send({ products: [P.celadonTeaSet] })
      .expect(200);
    expect(moved.body.shipping_profile.products.map((product: Json) => product.id)).toEqual([
      P.celadonTeaSet,
    ]);
    expect(moved.body.shipping_profile.shipping_options.map((option: Json) => option.id)).toEqual([
      freight.id,
    ]);

    expect(await offered(V.teaSet)).toEqual({ Freight: 2500 });
    expect(await recordedEvents(env, 'catalog', freight.id)).toEqual([
      'events.catalog.shipping-option-changed',
    ]);
    expect(await recordedEvents(env, 'catalog', bulky.id)).toEqual([
      'events.catalog.shipping-profile-changed',
      'events.catalog.shipping-profile-changed',
    ]);
    expect(await offered(V.mugWhite)).not.toHaveProperty('Freight');
  });

  it('offers an option at its new price and requirements, and no longer once deleted', async () => {
    const changed = await request(gateway)
      .post(`/admin/shipping-options/${freight.id}`)
      .set(admin)
      .send({ amount: 3000, name: 'Freight (2 days)' })
      .expect(200);
    expect(changed.body.shipping_option).toMatchObject({
      id: freight.id,
      name: 'Freight (2 days)',
      amount: 3000,
    });
    expect(await offered(V.teaSet)).toEqual({ 'Freight (2 days)': 3000 });

    await request(gateway)
      .post(`/admin/shipping-options/${freight.id}`)
      .set(admin)
      .send({ requirements: [{ type: 'min_subtotal', amount: 1_000_000 }] })
      .expect(200);
    expect(await offered(V.teaSet)).toEqual({});
    const read = await request(gateway).get(`/admin/shipping-options/${freight.id}`).set(admin).expect(200);
    expect(read.body.shipping_option.requirements).toEqual([
      expect.objectContaining({ type: 'min_subtotal', amount: 1_000_000 }),
    ]);
    const twice = await request(gateway)
      .post(`/admin/shipping-options/${freight.id}`)
      .set(admin)
      .send({
        requirements: [
          { type: 'min_subtotal', amount: 1 },
          { type: 'min_subtotal', amount: 2 },
        ],
      });
    expect(twice.status).toBe(400);

    const deleted = await request(gateway)
      .delete(`/admin/shipping-options/${freight.id}`)
      .set(admin)
      .expect(200);
    expect(deleted.body).toEqual({ id: freight.id, object: 'shipping-option', deleted: true });
    await request(gateway).get(`/admin/shipping-options/${freight.id}`).set(admin).expect(404);
    const returns = await request(gateway)
      .get('/admin/shipping-options?is_return=true')
      .set(admin)
      .expect(200);
    expect(returns.body.shipping_options.map((option: Json) => option.id)).toContain(SO.europeReturn);
  });

  it('deletes a custom profile once its products moved, never the store’s own', async () => {
    const profiles = (await request(gateway).get('/admin/shipping-profiles').set(admin).expect(200)).body
      .shipping_profiles as Json[];
    const standard = profiles.find((profile) => profile.type === 'default')!;
    const refused = await request(gateway).delete(`/admin/shipping-profiles/${standard.id}`).set(admin);
    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe('not_allowed');
    const holding = await request(gateway).delete(`/admin/shipping-profiles/${bulky.id}`).set(admin);
    expect(holding.status).toBe(400);

    await request(gateway)
      .post(`/admin/shipping-profiles/${standard.id}`)
      .set(admin)
      .send({ products: [P.celadonTeaSet] })
      .expect(200);
    expect(await offered(V.teaSet)).toHaveProperty('Standard Shipping');
    const deleted = await request(gateway)
      .delete(`/admin/shipping-profiles/${bulky.id}`)
      .set(admin)
      .expect(200);
    expect(deleted.body).toEqual({ id: bulky.id, object: 'shipping_profile', deleted: true });
    await request(gateway).get(`/admin/shipping-profiles/${bulky.id}`).set(admin).expect(404);
  });
});
