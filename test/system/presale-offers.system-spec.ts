import { DemoCustomerLevels, DemoProductIds, DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { signedUpCustomer } from '../support/customers';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Presale in the catalog (seed 004): the demo's presale offer as a storefront's presale page lists
 * it, a presale variant refused as a cart line, and the customer levels vip1–vip3 priced at 95 %,
 * 90 % and 88 % of the regular price.
 */
describe('presale offers and customer levels', () => {
  let env: TestEnvironment;
  let gateway: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'cart', 'customer', 'payment', 'gateway'] });
    gateway = env.url('gateway');
  });
  afterAll(() => env.close());

  it('lists the demo presale offer, no sign-in needed, in minor units', async () => {
    const { offers } = (await request(gateway).get('/store/presale/offers').expect(200)).body;
    const caddy = offers.find((offer: Json) => offer.variant_id === V.teaCaddy);
    expect(caddy).toEqual({
      variant_id: V.teaCaddy,
      sku: 'CADDY-PW-250',
      product_id: DemoProductIds.teaCaddy,
      title: 'Pewter Tea Caddy 锡茶叶罐 Silver / 250 g',
      currency_code: 'cny',
      deposit_amount: 2000,
      price: 16800,
      balance_opens_at: expect.any(String),
      balance_closes_at: expect.any(String),
      stock: expect.any(Number),
      buy_limit: 2,
      expect_arrival_time: expect.any(String),
      deposit_refundable: false,
    });
    expect(caddy.deposit_amount).toBeLessThan(caddy.price);
    expect(Date.parse(caddy.balance_opens_at)).toBeGreaterThan(Date.now());
    expect(Date.parse(caddy.balance_closes_at)).toBeGreaterThan(Date.parse(caddy.balance_opens_at));
  });

  it('refuses a presale variant as a cart line, on creation and when added', async () => {
    const created = await request(gateway)
      .post('/store/carts')
      .send({ region_id: DemoRegionIds.china, items: [{ variant_id: V.teaCaddy, quantity: 1 }] })
      .expect(400);
    expect(created.body).toMatchObject({ type: 'invalid_data', code: 'presale_only' });
    const { cart } = (
      await request(gateway).post('/store/carts').send({ region_id: DemoRegionIds.china }).expect(200)
    ).body;
    const added = await request(gateway)
      .post(`/store/carts/${cart.id}/line-items`)
      .send({ variant_id: V.teaCaddy, quantity: 1 })
      .expect(400);
    expect(added.body.message).toMatch(/presale/);
    expect((await request(gateway).get(`/store/carts/${cart.id}`).expect(200)).body.cart.items).toEqual([]);
  });

  it.each(DemoCustomerLevels)('prices a $name customer at $percent % of the regular price', async (level) => {
    const member = await signedUpCustomer(gateway);
    await env.sql(
      'INSERT INTO customer.customer_group_customer (customer_group_id, customer_id) VALUES ($1, $2)',
      [level.group_id, member.id],
    );
    const { cart } = (
      await request(gateway)
        .post('/store/carts')
        .set(member.auth)
        .send({ region_id: DemoRegionIds.china, items: [{ variant_id: V.teeSmallWhite, quantity: 1 }] })
        .expect(200)
    ).body;
    expect(cart.items[0].unit_price).toBe(Math.round((9900 * level.percent) / 100));
  });
});
