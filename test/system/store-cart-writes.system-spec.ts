import { DemoRegionIds, DemoShippingOptionIds as SO, DemoVariantIds as V } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Json, lineOf, storeCarts } from '../support/store-carts';
import { createTestEnvironment, eventually, TestEnvironment } from '../support/test-environment';

const EUROPE = DemoRegionIds.europe;

/**
 * A POST as `@medusajs/medusa-js` sends it with `maxRetries: 3`: one Idempotency-Key for every attempt,
 * retried (with backoff) when no response arrives, on 409 and on 501–599. `lose` drops the response of
 * the first attempts, as a dropped connection would.
 */
async function medusaJsPost(
  base: string,
  path: string,
  body: object,
  options: { key?: string; lose?: (attempt: number) => boolean } = {},
): Promise<{ status: number; body: Json; attempts: number }> {
  const key = options.key ?? randomUUID();
  for (let attempt = 0; ; attempt += 1) {
    const lost = options.lose?.(attempt) ?? false;
    const response = await request(base).post(path).set('Idempotency-Key', key).send(body);
    const retryable = lost || response.status === 409 || (response.status >= 501 && response.status <= 599);
    if (!retryable || attempt === 3)
      return { status: response.status, body: response.body, attempts: attempt + 1 };
    await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
  }
}

describe('store API: cart writes under bad input, concurrency and retries', () => {
  let env: TestEnvironment;
  let gateway: string;
  let carts: ReturnType<typeof storeCarts>;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'cart', 'gateway'] });
    gateway = env.url('gateway');
    carts = storeCarts(gateway);
  });
  afterAll(() => env.close());

  describe('bad input', () => {
    let cart: Json;
    let line: string;
    beforeAll(async () => {
      cart = await carts.create({ region_id: EUROPE, items: [{ variant_id: V.tote, quantity: 1 }] });
      line = cart.items[0].id;
    });

    it.each([
      ['/store/carts', { region_id: EUROPE, unit_price: 1 }, 'property unit_price should not exist'],
      [
        '/store/carts',
        { items: [{ variant_id: V.tote, quantity: 1, unit_price: 1 }] },
        'unit_price should not exist',
      ],
      ['/store/carts', { items: [{ variant_id: V.tote, quantity: 1.5 }] }, 'quantity must be an integer'],
      ['{cart}', { email: 'not-an-email' }, 'email must be an email'],
      ['{cart}', { shipping_address: { country_code: 'fr', planet: 'mars' } }, 'shipping_address'],
      ['{cart}/line-items', { variant_id: V.tote, quantity: 0 }, 'quantity must not be less than 1'],
      ['{cart}/line-items', { variant_id: V.tote, quantity: -2 }, 'quantity must not be less than 1'],
      ['{cart}/line-items', { variant_id: V.tote, quantity: 10_001 }, 'quantity must not be greater than'],
      ['{cart}/line-items', { variant_id: V.tote, quantity: '2' }, 'quantity must be an integer'],
      [
        '{cart}/line-items',
        { variant_id: V.tote, quantity: 1, unit_price: 1 },
        'unit_price should not exist',
      ],
      ['{cart}/line-items', { quantity: 1 }, 'variant_id must be a string'],
      ['{line}', { quantity: -1 }, 'quantity must not be less than 0'],
      ['{cart}/shipping-methods', {}, 'option_id must be a string'],
    ])('POST %s %j → 400 invalid_data naming the field', async (path, body, message) => {
      const url = path
        .replace('{cart}', `/store/carts/${cart.id}`)
        .replace('{line}', `/store/carts/${cart.id}/line-items/${line}`);
      const response = await request(gateway).post(url).send(body).expect(400);
      expect(response.body).toEqual({ type: 'invalid_data', message: expect.stringContaining(message) });
    });

    it('answers 404 not_found for an unknown cart, line, option or variant', async () => {
      const cases: [request.Test, string][] = [
        [request(gateway).get('/store/carts/cart_missing'), 'Cart with cart_missing was not found'],
        [
          request(gateway)
            .post('/store/carts/cart_missing/line-items')
            .send({ variant_id: V.tote, quantity: 1 }),
          'Cart with cart_missing was not found',
        ],
        [
          request(gateway).post(`/store/carts/${cart.id}/line-items/item_missing`).send({ quantity: 1 }),
          'Line item with id: item_missing was not found',
        ],
        [
          request(gateway).delete(`/store/carts/${cart.id}/line-items/item_missing`),
          'Line item with id: item_missing was not found',
        ],
        [
          request(gateway).post(`/store/carts/${cart.id}/shipping-methods`).send({ option_id: 'so_missing' }),
          'Shipping Option with so_missing was not found',
        ],
        [
          request(gateway)
            .post(`/store/carts/${cart.id}/line-items`)
            .send({ variant_id: 'variant_missing', quantity: 1 }),
          'Variant with id: variant_missing was not found',
        ],
        [
          request(gateway).get('/store/shipping-options/cart_missing'),
          'Cart with cart_missing was not found',
        ],
        [
          request(gateway).post('/store/carts').send({ region_id: 'reg_missing' }),
          'Region with reg_missing was not found',
        ],
      ];
      for (const [call, message] of cases) {
        const response = await call;
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ type: 'not_found', message });
      }
    });

    it('refuses more than the stock with insufficient_inventory, and leaves the cart as it was', async () => {
      const fresh = await carts.create({
        region_id: EUROPE,
        items: [{ variant_id: V.hoodieLargeNavy, quantity: 2 }],
      });
      const response = await request(gateway)
        .post(`/store/carts/${fresh.id}/line-items`)
        .send({ variant_id: V.hoodieLargeNavy, quantity: 1 })
        .expect(400);
      expect(response.body).toEqual({
        type: 'not_allowed',
        code: 'insufficient_inventory',
        message: `Variant with id: ${V.hoodieLargeNavy} does not have the required inventory`,
      });
      expect(lineOf(await carts.get(fresh.id), V.hoodieLargeNavy).quantity).toBe(2);
      // Backorderable and unmanaged variants are not limited by stock.
      const more = await carts.add(fresh.id, V.capKhaki, 5);
      expect(lineOf(more, V.capKhaki).quantity).toBe(5);
    });

    it('refuses any change to a completed cart with cart_incompatible_state', async () => {
      const done = await carts.create({ region_id: EUROPE, items: [{ variant_id: V.tote, quantity: 1 }] });
      await env.sql('UPDATE cart.cart SET completed_at = now() WHERE id = $1', [done.id]);
      const writes = [
        request(gateway).post(`/store/carts/${done.id}`).send({ email: 'late@example.com' }),
        request(gateway).post(`/store/carts/${done.id}/line-items`).send({ variant_id: V.tote, quantity: 1 }),
        request(gateway).post(`/store/carts/${done.id}/line-items/${done.items[0].id}`).send({ quantity: 2 }),
        request(gateway).delete(`/store/carts/${done.id}/line-items/${done.items[0].id}`),
        request(gateway)
          .post(`/store/carts/${done.id}/shipping-methods`)
          .send({ option_id: SO.europeStandard }),
        request(gateway).delete(`/store/carts/${done.id}/discounts/WELCOME10`),
      ];
      for (const write of writes) {
        const response = await write;
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ type: 'not_allowed', code: 'cart_incompatible_state' });
      }
      const after = await carts.get(done.id);
      expect(after).toMatchObject({ email: null, shipping_methods: [] });
      expect(after.items[0].quantity).toBe(1);
    });
  });

  describe('concurrency', () => {
    it('20 parallel add-to-cart requests on one cart lose no update', async () => {
      const cart = await carts.create({ region_id: EUROPE });
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          request(gateway)
            .post(`/store/carts/${cart.id}/line-items`)
            .send({ variant_id: V.giftCardMedium, quantity: 1 }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      const after = await carts.get(cart.id);
      expect(after.items).toHaveLength(1);
      expect(after.items[0]).toMatchObject({ quantity: 20, subtotal: 20 * 5000 });
    });

    it('parallel adds of different variants each get their own line', async () => {
      const cart = await carts.create({ region_id: EUROPE });
      const variants = [V.tote, V.mugWhite, V.giftCardMedium, V.capBlack, V.socksSmall];
      await Promise.all(variants.map((variant) => carts.add(cart.id, variant, 2)));
      const after = await carts.get(cart.id);
      expect(after.items.map((item: Json) => item.variant_id).sort()).toEqual([...variants].sort());
    });
  });

  describe('retries (Idempotency-Key)', () => {
    it('a medusa-js client whose responses are lost never doubles a line', async () => {
      const cart = await carts.create({ region_id: EUROPE });
      const path = `/store/carts/${cart.id}/line-items`;
      const result = await medusaJsPost(
        gateway,
        path,
        { variant_id: V.tote, quantity: 1 },
        { lose: (n) => n < 2 },
      );
      expect(result).toMatchObject({ status: 200, attempts: 3 });
      expect(lineOf(result.body.cart, V.tote).quantity).toBe(1);
      expect(lineOf(await carts.get(cart.id), V.tote).quantity).toBe(1);
    });

    it('duplicates sent at once run once: the others get 409 or the same reply', async () => {
      const cart = await carts.create({ region_id: EUROPE });
      const key = randomUUID();
      const path = `/store/carts/${cart.id}/line-items`;
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          medusaJsPost(gateway, path, { variant_id: V.mugWhite, quantity: 1 }, { key }),
        ),
      );
      expect(results.map((result) => result.status)).toEqual(Array(5).fill(200));
      for (const result of results) expect(result.body).toEqual(results[0].body);
      expect(lineOf(await carts.get(cart.id), V.mugWhite).quantity).toBe(1);
    });

    it('a write that committed after the gateway timed out is replayed on retry, not run again', async () => {
      const impatient = await createTestEnvironment({ apps: ['gateway'], env: { COMMAND_TIMEOUT_MS: '1' } });
      try {
        const cart = await carts.create({ region_id: EUROPE });
        const key = randomUUID();
        const path = `/store/carts/${cart.id}/line-items`;
        const first = await request(impatient.url('gateway'))
          .post(path)
          .set('Idempotency-Key', key)
          .send({ variant_id: V.tote, quantity: 2 });
        expect(first.status).toBe(504);
        const finished = async () =>
          (await env.sql("SELECT 1 FROM cart.idempotency_key WHERE key = $1 AND state = 'finished'", [key]))
            .length === 1;
        await eventually(finished, 5_000, 'the timed-out write to commit');
        const retried = await medusaJsPost(gateway, path, { variant_id: V.tote, quantity: 2 }, { key });
        expect(retried.status).toBe(200);
        expect(lineOf(retried.body.cart, V.tote).quantity).toBe(2);
        expect(lineOf(await carts.get(cart.id), V.tote).quantity).toBe(2);
      } finally {
        await impatient.close();
      }
    });

    it('the same key for another request is refused', async () => {
      const cart = await carts.create({ region_id: EUROPE });
      const key = randomUUID();
      await medusaJsPost(
        gateway,
        `/store/carts/${cart.id}/line-items`,
        { variant_id: V.tote, quantity: 1 },
        { key },
      );
      const other = await medusaJsPost(
        gateway,
        `/store/carts/${cart.id}/line-items`,
        { variant_id: V.tote, quantity: 3 },
        { key },
      );
      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({
        type: 'duplicate_error',
        message: expect.stringContaining('was already used for another request'),
      });
    });
  });
});
