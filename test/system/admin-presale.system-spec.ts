import { DemoRegionIds, DemoVariantIds as V } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { recordedEvents } from '../support/outbox';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/**
 * Presale offers for the merchant (seed 004; our own routes): a variant put on presale, which the
 * store then lists and no longer sells as a cart line; its terms changed, never its stock below the
 * units sold; taken off presale only while none was sold; bad terms refused.
 */
describe('admin presale offers', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  const offer = {
    currency_code: 'cny',
    deposit_amount: 1000,
    balance_opens_at: inDays(7),
    balance_closes_at: inDays(10),
    stock_limit: 30,
    buy_limit: 2,
    deposit_refundable: true,
  };
  const path = `/admin/variants/${V.mugWhite}/presale`;

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
    await request(gateway).get('/admin/presale-offers').expect(401);
    await request(gateway).post(path).send(offer).expect(401);
  });

  it('lists every offer with its stock and sales', async () => {
    const { body } = await request(gateway).get('/admin/presale-offers').set(admin).expect(200);
    expect(body.presale_offers.find((listed: Json) => listed.variant_id === V.teaCaddy)).toMatchObject({
      stock_limit: 20,
      sold: 0,
      stock: 20,
      buy_limit: 2,
    });
  });

  it('puts a variant on presale: the store lists it and no longer sells it as a cart line', async () => {
    const { body } = await request(gateway).post(path).set(admin).send(offer).expect(200);
    expect(body.presale_offer).toMatchObject({
      variant_id: V.mugWhite,
      deposit_amount: 1000,
      stock_limit: 30,
      sold: 0,
      stock: 30,
      deposit_refundable: true,
    });
    const store = await request(gateway).get('/store/presale/offers').expect(200);
    expect(await recordedEvents(env, 'catalog', V.mugWhite)).toEqual([
      'events.catalog.presale-offer-changed',
    ]);
    expect(store.body.offers.map((listed: Json) => listed.variant_id)).toContain(V.mugWhite);
    const cart = await request(gateway)
      .post('/store/carts')
      .send({ region_id: DemoRegionIds.europe, items: [{ variant_id: V.mugWhite, quantity: 1 }] });
    expect(cart.status).toBe(400);
  });

  it('refuses bad terms whole', async () => {
    const refusals: [Json, number][] = [
      [{ ...offer, balance_closes_at: inDays(6) }, 400],
      [{ ...offer, deposit_amount: -1 }, 400],
      [{ ...offer, buy_limit: 0 }, 400],
      [{ ...offer, currency_code: 'xyz' }, 404],
    ];
    for (const [body, status] of refusals) {
      const answer = await request(gateway).post(path).set(admin).send(body);
      expect({ body, status: answer.status }).toEqual({ body, status });
    }
    await request(gateway)
      .post('/admin/variants/variant_01NOPE00000000000000000000/presale')
      .set(admin)
      .send(offer)
      .expect(404);
    const kept = await request(gateway).get(path).set(admin).expect(200);
    expect(kept.body.presale_offer).toMatchObject({ deposit_amount: 1000, buy_limit: 2 });
  });

  it('never sets the stock below the units sold, and takes an offer off only while none was sold', async () => {
    await env.sql('UPDATE catalog.presale_offer SET sold = 3 WHERE variant_id = $1', [V.mugWhite]);
    const below = await request(gateway)
      .post(path)
      .set(admin)
      .send({ ...offer, stock_limit: 2 });
    expect(below.status).toBe(400);
    expect(below.body.message).toContain('3 presale units already sold');
    const changed = await request(gateway)
      .post(path)
      .set(admin)
      .send({ ...offer, stock_limit: 3 })
      .expect(200);
    expect(changed.body.presale_offer).toMatchObject({ stock_limit: 3, sold: 3, stock: 0 });
    const sold = await request(gateway).delete(path).set(admin);
    expect(sold.status).toBe(400);
    expect(sold.body.type).toBe('not_allowed');

    await env.sql('UPDATE catalog.presale_offer SET sold = 0 WHERE variant_id = $1', [V.mugWhite]);
    const deleted = await request(gateway).delete(path).set(admin).expect(200);
    expect(deleted.body).toEqual({ id: V.mugWhite, object: 'presale_offer', deleted: true });
    await request(gateway).get(path).set(admin).expect(404);
    await request(gateway)
      .post('/store/carts')
      .send({ region_id: DemoRegionIds.europe, items: [{ variant_id: V.mugWhite, quantity: 1 }] })
      .expect(200);
  });
});
