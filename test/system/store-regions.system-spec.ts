import { DemoRegionIds } from '@app/contracts';
import request from 'supertest';
import { expandedRelations, medusaSchemaErrors } from '../support/medusa-spec';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

describe('store API: regions through the gateway', () => {
  let env: TestEnvironment;
  let gateway: string;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'gateway'],
      env: { STORE_CORS: 'http://shop.test,/\\.shop\\.test$/' },
    });
    gateway = env.url('gateway');
  });
  afterAll(() => env.close());

  it("lists regions in Medusa's StoreRegionsListRes shape, with every relation the spec expands", async () => {
    const response = await request(gateway).get('/store/regions').expect(200);
    expect(medusaSchemaErrors('StoreRegionsListRes', response.body)).toBeNull();
    expect(response.body).toMatchObject({ count: 2, offset: 0, limit: 100 });
    for (const relation of expandedRelations('StoreRegionsListRes').relations) {
      for (const region of response.body.regions) expect(region[relation].length).toBeGreaterThan(0);
    }
  });

  it("gets a region in Medusa's StoreRegionsRes shape", async () => {
    const response = await request(gateway).get(`/store/regions/${DemoRegionIds.europe}`).expect(200);
    expect(medusaSchemaErrors('StoreRegionsRes', response.body)).toBeNull();
    expect(response.body.region).toMatchObject({
      id: DemoRegionIds.europe,
      name: 'Europe',
      currency_code: 'eur',
    });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('reads query strings as qs does (created_at[gt]=…, as medusa-js sends them)', async () => {
    const future = await request(gateway)
      .get('/store/regions')
      .query('created_at[gt]=2999-01-01')
      .expect(200);
    expect(future.body).toMatchObject({ regions: [], count: 0 });
    const page = await request(gateway)
      .get('/store/regions?created_at[gte]=2000-01-01&offset=1&limit=1')
      .expect(200);
    expect(page.body).toMatchObject({ count: 2, offset: 1, limit: 1 });
    expect(page.body.regions.map((region: { id: string }) => region.id)).toEqual([DemoRegionIds.china]);
  });

  it.each([
    ['/store/regions?limit=-1', 'limit must not be less than 0'],
    ['/store/regions?limit=5000', 'limit must not be greater than 1000'],
    ['/store/regions?offset=abc', 'offset must be an integer number'],
    ['/store/regions?region=eu', 'property region should not exist'],
    ['/store/regions?created_at[gt]=someday', 'gt must be a Date instance'],
  ])('GET %s → 400 invalid_data', async (path, message) => {
    const response = await request(gateway).get(path).expect(400);
    expect(response.body).toEqual({ type: 'invalid_data', message: expect.stringContaining(message) });
    expect(medusaSchemaErrors('Error', response.body)).toBeNull();
  });

  it('answers an unknown region id with 404 not_found', async () => {
    const response = await request(gateway).get('/store/regions/reg_01KDVDNA00GK8MC491TS8HF3XX').expect(404);
    expect(response.body).toEqual({
      type: 'not_found',
      message: 'Region with reg_01KDVDNA00GK8MC491TS8HF3XX was not found',
    });
  });

  it('answers an unknown route with a Medusa-style 404 JSON body', async () => {
    const response = await request(gateway).get('/store/nothing-here').expect(404);
    expect(response.body).toEqual({ type: 'not_found', message: 'Cannot GET /store/nothing-here' });
  });

  it('answers malformed JSON with 400 invalid_data, never a 500', async () => {
    const response = await request(gateway)
      .post('/store/regions')
      .set('Content-Type', 'application/json')
      .send('{"region": ')
      .expect(400);
    expect(response.body).toMatchObject({ type: 'invalid_data' });
  });

  it('sends CORS headers for allowed origins, allowing and exposing Idempotency-Key', async () => {
    const preflight = await request(gateway)
      .options('/store/regions')
      .set('Origin', 'https://www.shop.test')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,idempotency-key')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://www.shop.test');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/idempotency-key/i);
    const get = await request(gateway).get('/store/regions').set('Origin', 'http://shop.test').expect(200);
    expect(get.headers['access-control-allow-origin']).toBe('http://shop.test');
    expect(get.headers['access-control-expose-headers']).toMatch(/Idempotency-Key/);
    const foreign = await request(gateway)
      .get('/store/regions')
      .set('Origin', 'https://evil.test')
      .expect(200);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("echoes the caller's correlation id, or gives one", async () => {
    const given = await request(gateway)
      .get('/store/regions')
      .set('X-Correlation-Id', 'shop-req-7')
      .expect(200);
    expect(given.headers['x-correlation-id']).toBe('shop-req-7');
    const fresh = await request(gateway).get('/store/regions').expect(200);
    expect(fresh.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes the Idempotency-Key of a write (Medusa’s header contract) and refuses a malformed one', async () => {
    const write = await request(gateway).post('/store/regions').set('Idempotency-Key', 'c0ffee-1').send({});
    expect(write.headers['idempotency-key']).toBe('c0ffee-1');
    const read = await request(gateway).get('/store/regions').set('Idempotency-Key', 'c0ffee-2').expect(200);
    expect(read.headers['idempotency-key']).toBeUndefined();
    const malformed = await request(gateway)
      .post('/store/regions')
      .set('Idempotency-Key', 'no spaces allowed')
      .send({})
      .expect(400);
    expect(malformed.body).toEqual({
      type: 'invalid_data',
      message: expect.stringContaining('Idempotency-Key must be'),
    });
  });

  it('reports its own health', async () => {
    await request(gateway).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(gateway).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { nats: { status: 'up' } } });
  });
});
