import { DemoRegionIds } from '@app/contracts';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { newRegion } from '../support/fixtures';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

/**
 * The merchant's regions (Medusa v1 admin: `/admin/regions`): list, read, create and change them, in
 * Medusa's shapes; a change reaches the carts at once (`events.catalog.region-updated`), and bad input
 * is refused whole.
 */
describe('admin regions: list, read, create, change', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'customer', 'gateway'],
      freshDatabase: true,
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  const create = (body: object, key?: string) => {
    const call = request(gateway).post('/admin/regions').set(admin).send(body);
    return key ? call.set('Idempotency-Key', key) : call;
  };

  it('serves only the merchant', async () => {
    await request(gateway).get('/admin/regions').expect(401);
    await request(gateway).post('/admin/regions').send(newRegion('Nowhere')).expect(401);
  });

  it('lists and reads regions in Medusa’s shapes', async () => {
    const page = await request(gateway).get('/admin/regions').set(admin).expect(200);
    expect(page.body).toMatchObject({ count: 2, offset: 0, limit: expect.any(Number) });
    expect(page.body.regions.map((region: { id: string }) => region.id).sort()).toEqual(
      [DemoRegionIds.europe, DemoRegionIds.china].sort(),
    );
    const one = await request(gateway).get(`/admin/regions/${DemoRegionIds.china}`).set(admin).expect(200);
    expect(one.body.region).toMatchObject({ id: DemoRegionIds.china, currency_code: 'cny' });
    await request(gateway).get('/admin/regions/reg_01NOPE00000000000000000000').set(admin).expect(404);
  });

  it('creates a region once per key, which the store then sells in', async () => {
    const body = newRegion('North America', ['us', 'ca'], 10);
    const created = await create(body, 'region-north-america').expect(200);
    const region = created.body.region;
    expect(region).toMatchObject({ name: 'North America', currency_code: 'usd', tax_rate: 10 });
    expect(region.countries.map((country: { iso_2: string }) => country.iso_2).sort()).toEqual(['ca', 'us']);
    const again = await create(body, 'region-north-america').expect(200);
    expect(again.body.region.id).toBe(region.id);

    const store = await request(gateway).get('/store/regions').expect(200);
    expect(store.body.regions.map((listed: { id: string }) => listed.id)).toContain(region.id);
    const cart = await request(gateway).post('/store/carts').send({ region_id: region.id }).expect(200);
    expect(cart.body.cart.region).toMatchObject({ id: region.id, tax_rate: 10, currency_code: 'usd' });
  });

  it('changes a region: the fields given, its countries and providers; carts follow at once', async () => {
    const { region } = (await create(newRegion('Oceania', ['au', 'nz'], 10)).expect(200)).body;
    const cart = await request(gateway).post('/store/carts').send({ region_id: region.id }).expect(200);
    expect(cart.body.cart.region.tax_rate).toBe(10);

    const changed = await request(gateway)
      .post(`/admin/regions/${region.id}`)
      .set(admin)
      .send({ name: 'Australia', tax_rate: 15, countries: ['au'] })
      .expect(200);
    expect(changed.body.region).toMatchObject({ id: region.id, name: 'Australia', tax_rate: 15 });
    expect(changed.body.region.countries.map((country: { iso_2: string }) => country.iso_2)).toEqual(['au']);
    // New Zealand left the region: another may take it.
    await create(newRegion('New Zealand', ['nz'], 15)).expect(200);

    await eventually(
      async () =>
        (await request(gateway).post('/store/carts').send({ region_id: region.id })).body.cart.region
          .tax_rate === 15,
      5_000,
      'a new cart priced with the changed tax rate',
    );
    const events = await env.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM catalog.outbox WHERE subject = 'events.catalog.region-updated' AND envelope->>'aggregate_id' = $1`,
      [region.id],
    );
    expect(events[0].n).toBe(1);
  });

  it('refuses bad input whole, in Medusa’s error shape', async () => {
    const before = await env.sql<{ n: number }>('SELECT count(*)::int AS n FROM catalog.region');
    const refusals: [object, number, string][] = [
      [{ ...newRegion('Bad currency', ['jp']), currency_code: 'xxx' }, 400, 'invalid_data'],
      [newRegion('Taken', ['fr']), 400, 'not_allowed'],
      [newRegion('No such country', ['zz']), 400, 'invalid_data'],
      [{ ...newRegion('Bad rate', ['jp']), tax_rate: -1 }, 400, 'invalid_data'],
      [{ ...newRegion('Unknown field', ['jp']), colour: 'red' }, 400, 'invalid_data'],
      [{ ...newRegion('No provider', ['jp']), payment_providers: ['nope'] }, 400, 'invalid_data'],
    ];
    for (const [body, status, type] of refusals) {
      const answer = await create(body);
      expect({ body, status: answer.status, type: answer.body.type }).toEqual({ body, status, type });
      expect(answer.body.message).toEqual(expect.any(String));
    }
    const [{ n }] = await env.sql<{ n: number }>('SELECT count(*)::int AS n FROM catalog.region');
    expect(n).toBe(before[0].n);

    const unknown = await request(gateway)
      .post('/admin/regions/reg_01NOPE00000000000000000000')
      .set(admin)
      .send({ tax_rate: 5 });
    expect(unknown.status).toBe(404);
    const taken = await request(gateway)
      .post(`/admin/regions/${DemoRegionIds.china}`)
      .set(admin)
      .send({ tax_rate: 3, countries: ['cn', 'fr'] });
    expect(taken.status).toBe(400);
    const china = await request(gateway).get(`/admin/regions/${DemoRegionIds.china}`).set(admin).expect(200);
    expect(china.body.region.tax_rate).toBe(0);
  });
});
