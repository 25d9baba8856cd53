import { DemoProductIds, DemoRegionIds } from '@app/contracts';
import request from 'supertest';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

/**
 * Bad input anywhere gets Medusa's error body and a 4xx, never a 500: bodies past the limit, query
 * strings of thousands of keys, `expand` / `fields` lists past their limit, ids of another kind.
 */
describe('store API: bad input', () => {
  let env: TestEnvironment;
  let gateway: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'cart', 'order', 'gateway'] });
    gateway = env.url('gateway');
  });
  afterAll(() => env.close());

  const medusaError = (body: unknown) =>
    expect(body).toEqual({ type: expect.any(String), message: expect.any(String) });

  it('a body past the configured limit (256 kB) is a 413', async () => {
    const answer = await request(gateway)
      .post('/store/carts')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ context: { note: 'x'.repeat(300 * 1024) } }));
    expect(answer.status).toBe(413);
    medusaError(answer.body);
  });

  it('a query string of thousands of keys is a 400; one of a hundred is read', async () => {
    // Short keys: the URL stays within the header limit (past it, Node's parser answers 431).
    const keys = Array.from({ length: 3000 }, (_, index) => `k${index.toString(36)}`).join('&');
    const many = await request(gateway).get(`/store/products?${keys}`);
    expect(many.status).toBe(400);
    medusaError(many.body);
    const repeated = Array.from({ length: 3000 }, () => 'id=1').join('&');
    const same = await request(gateway).get(`/store/products?${repeated}`);
    expect(same.status).toBe(400);
    medusaError(same.body);
    const ids = Array.from({ length: 99 }, () => `id[]=${DemoProductIds.classicTee}`).join('&');
    const within = await request(gateway).get(`/store/products?${ids}&limit=5`).expect(200);
    expect(within.body.products.map((product: { id: string }) => product.id)).toEqual([
      DemoProductIds.classicTee,
    ]);
  });

  it('an expand or fields list past its limit is a 400', async () => {
    const expand = Array.from({ length: 200 }, () => 'variants').join(',');
    const expanded = await request(gateway).get(`/store/products?expand=${expand}`);
    expect(expanded.status).toBe(400);
    medusaError(expanded.body);
    expect(expanded.body.message).toBe('expand may name at most 30 entries');
    const fields = Array.from({ length: 500 }, () => 'title').join(',');
    const selected = await request(gateway).get(`/store/products?fields=${fields}`);
    expect(selected.status).toBe(400);
    medusaError(selected.body);
    const order = await request(gateway).get(
      `/store/orders/order_01KDVDNA10F3YY1PRXHT86PK6G?expand=${expand}`,
    );
    expect(order.status).toBe(400);
    medusaError(order.body);
  });

  it('an id of another kind is a 404, as an unknown id is', async () => {
    const paths = [
      `/store/carts/${DemoProductIds.classicTee}`,
      `/store/products/${DemoRegionIds.europe}`,
      `/store/regions/${DemoProductIds.classicTee}`,
      '/store/orders/cart_01KDVDNA10F3YY1PRXHT86PK6G',
      `/store/orders/cart/${DemoProductIds.classicTee}`,
      '/store/variants/42',
      "/store/collections/'%20OR%201=1--",
      '/store/product-categories/%00',
    ];
    for (const path of paths) {
      const answer = await request(gateway).get(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      medusaError(answer.body);
    }
  });
});
