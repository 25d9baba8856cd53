import Medusa from '@medusajs/medusa-js';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A store without the demo data (`DEMO_DATA=false`), stocked through the admin routes only — a
 * region, a product with options, variants, prices and stock, a shipping option — then a whole
 * checkout through medusa-js against it; and the admin product routes' bad input.
 */
describe('a store stocked through the admin routes only', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  let region: Json;
  let product: Json;

  const shirt = (overrides: Json = {}) => ({
    title: 'Linen Shirt',
    status: 'published',
    description: 'A shirt of washed linen.',
    images: ['https://cdn.example.com/linen-shirt.jpg'],
    type: { value: 'Shirt' },
    tags: [{ value: 'linen' }],
    options: [{ title: 'Size' }],
    variants: [
      {
        title: 'S',
        sku: 'LINEN-SHIRT-S',
        inventory_quantity: 5,
        prices: [{ currency_code: 'usd', amount: 4500 }],
        options: [{ value: 'S' }],
      },
      {
        title: 'M',
        sku: 'LINEN-SHIRT-M',
        inventory_quantity: 0,
        prices: [{ currency_code: 'usd', amount: 4500 }],
        options: [{ value: 'M' }],
      },
    ],
    ...overrides,
  });
  const products = async () =>
    (await env.sql<{ n: number }>('SELECT count(*)::int AS n FROM catalog.product'))[0].n;

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'payment', 'order', 'customer', 'gateway'],
      freshDatabase: true,
      env: { DEMO_DATA: 'false' },
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('starts empty: no region, no product', async () => {
    expect((await request(gateway).get('/store/regions').expect(200)).body.regions).toEqual([]);
    expect((await request(gateway).get('/store/products').expect(200)).body.products).toEqual([]);
  });

  it('is stocked by the merchant: a region, a product with its variants, a shipping option', async () => {
    region = (
      await request(gateway)
        .post('/admin/regions')
        .set(admin)
        .send({
          name: 'United States',
          currency_code: 'usd',
          tax_rate: 10,
          countries: ['us'],
          payment_providers: ['manual'],
          fulfillment_providers: ['manual'],
        })
        .expect(200)
    ).body.region;
    const created = await request(gateway)
      .post('/admin/products')
      .set(admin)
      .set('Idempotency-Key', 'create-linen-shirt')
      .send(shirt())
      .expect(200);
    product = created.body.product;
    expect(product).toMatchObject({
      title: 'Linen Shirt',
      handle: 'linen-shirt',
      status: 'published',
      thumbnail: 'https://cdn.example.com/linen-shirt.jpg',
      type: { value: 'Shirt' },
      tags: [expect.objectContaining({ value: 'linen' })],
      images: [expect.objectContaining({ url: 'https://cdn.example.com/linen-shirt.jpg' })],
      options: [expect.objectContaining({ title: 'Size' })],
    });
    expect(product.variants.map((variant: Json) => [variant.sku, variant.inventory_quantity])).toEqual([
      ['LINEN-SHIRT-S', 5],
      ['LINEN-SHIRT-M', 0],
    ]);
    expect(product.variants[0].prices).toEqual([
      expect.objectContaining({ currency_code: 'usd', amount: 4500 }),
    ]);
    // Once per key: the retry answers the same product.
    const again = await request(gateway)
      .post('/admin/products')
      .set(admin)
      .set('Idempotency-Key', 'create-linen-shirt')
      .send(shirt())
      .expect(200);
    expect(again.body.product.id).toBe(product.id);
    expect(await products()).toBe(1);

    const option = await request(gateway)
      .post('/admin/shipping-options')
      .set(admin)
      .send({
        name: 'Standard',
        region_id: region.id,
        provider_id: 'manual',
        price_type: 'flat_rate',
        amount: 500,
      })
      .expect(200);
    expect(option.body.shipping_option).toMatchObject({
      name: 'Standard',
      amount: 500,
      region_id: region.id,
    });
    const listed = await request(gateway)
      .get(`/admin/shipping-options?region_id=${region.id}`)
      .set(admin)
      .expect(200);
    expect(listed.body).toMatchObject({ count: 1 });
    const page = await request(gateway).get('/admin/products?q=linen').set(admin).expect(200);
    expect(page.body).toMatchObject({ count: 1, offset: 0, limit: 50 });
    const events = await env.sql<{ subject: string }>(
      `SELECT subject FROM catalog.outbox WHERE envelope->>'aggregate_id' = $1`,
      [product.id],
    );
    expect(events.map((event) => event.subject)).toEqual(['events.catalog.product-created']);
  });

  it('sells it: a whole checkout through medusa-js, and the stock goes down', async () => {
    const medusa = new Medusa({ baseUrl: gateway, maxRetries: 3 });
    const { regions } = (await medusa.regions.list()) as Json;
    expect(regions.map((listed: Json) => listed.id)).toEqual([region.id]);
    const { products: listed } = (await medusa.products.list({ region_id: region.id })) as Json;
    const small = listed[0].variants.find((variant: Json) => variant.sku === 'LINEN-SHIRT-S');
    expect(small.calculated_price).toBe(4500);

    let { cart } = (await medusa.carts.create({ region_id: region.id })) as Json;
    ({ cart } = (await medusa.carts.lineItems.create(cart.id, {
      variant_id: small.id,
      quantity: 2,
    })) as Json);
    ({ cart } = (await medusa.carts.update(cart.id, {
      email: 'first.customer@example.com',
      shipping_address: {
        first_name: 'Grace',
        last_name: 'Hopper',
        address_1: '1 Main Street',
        city: 'Arlington',
        country_code: 'us',
        postal_code: '22201',
      },
    })) as Json);
    const { shipping_options } = (await medusa.shippingOptions.listCartOptions(cart.id)) as Json;
    expect(shipping_options.map((option: Json) => option.name)).toEqual(['Standard']);
    ({ cart } = (await medusa.carts.addShippingMethod(cart.id, {
      option_id: shipping_options[0].id,
    })) as Json);
    ({ cart } = (await medusa.carts.createPaymentSessions(cart.id)) as Json);
    ({ cart } = (await medusa.carts.setPaymentSession(cart.id, { provider_id: 'manual' })) as Json);
    expect(cart.total).toBe(2 * 4500 + 500 + 900 + 50);
    const completed = (await medusa.carts.complete(cart.id)) as Json;
    expect(completed.type).toBe('order');
    expect(medusaSchemaErrors('StoreCompleteCartRes', completed)).toBeNull();
    expect(completed.data).toMatchObject({ total: cart.total, currency_code: 'usd' });

    const after = await request(gateway).get(`/admin/products/${product.id}`).set(admin).expect(200);
    expect(
      after.body.product.variants.find((variant: Json) => variant.sku === 'LINEN-SHIRT-S').inventory_quantity,
    ).toBe(3);
  });

  it('changes the product and its variants; a deleted product leaves the store', async () => {
    const renamed = await request(gateway)
      .post(`/admin/products/${product.id}`)
      .set(admin)
      .send({ title: 'Washed Linen Shirt', tags: [{ value: 'linen' }, { value: 'summer' }] })
      .expect(200);
    expect(renamed.body.product.title).toBe('Washed Linen Shirt');
    expect(renamed.body.product.tags.map((tag: Json) => tag.value).sort()).toEqual(['linen', 'summer']);
    const medium = product.variants.find((variant: Json) => variant.sku === 'LINEN-SHIRT-M');
    const restocked = await request(gateway)
      .post(`/admin/products/${product.id}/variants/${medium.id}`)
      .set(admin)
      .send({ inventory_quantity: 7, prices: [{ region_id: region.id, amount: 4200 }] })
      .expect(200);
    const changed = restocked.body.product.variants.find((variant: Json) => variant.id === medium.id);
    expect(changed.inventory_quantity).toBe(7);
    expect(changed.prices).toEqual([
      expect.objectContaining({ region_id: region.id, currency_code: 'usd', amount: 4200 }),
    ]);
    const withLarge = await request(gateway)
      .post(`/admin/products/${product.id}/variants`)
      .set(admin)
      .send({
        title: 'L',
        sku: 'LINEN-SHIRT-L',
        inventory_quantity: 2,
        prices: [{ currency_code: 'usd', amount: 4800 }],
        options: [{ value: 'L' }],
      })
      .expect(200);
    expect(withLarge.body.product.variants).toHaveLength(3);

    const other = (
      await request(gateway)
        .post('/admin/products')
        .set(admin)
        .send(shirt({ title: 'Cap', handle: 'cap', variants: [] }))
        .expect(200)
    ).body.product;
    const deleted = await request(gateway).delete(`/admin/products/${other.id}`).set(admin).expect(200);
    expect(deleted.body).toEqual({ id: other.id, object: 'product', deleted: true });
    await request(gateway).get(`/store/products/${other.id}`).expect(404);
    await request(gateway).get(`/admin/products/${other.id}`).set(admin).expect(404);
  });

  it('adds, renames and deletes options and deletes variants; a deleted product’s handle and SKU can be used again', async () => {
    const path = `/admin/products/${product.id}`;
    const withFit = await request(gateway)
      .post(`${path}/options`)
      .set(admin)
      .send({ title: 'Fit' })
      .expect(200);
    const fit = withFit.body.product.options.find((option: Json) => option.title === 'Fit');
    const size = withFit.body.product.options.find((option: Json) => option.title === 'Size');
    for (const variant of withFit.body.product.variants as Json[]) {
      expect(variant.options.find((value: Json) => value.option_id === fit.id).value).toBe('Default Value');
    }
    const renamed = await request(gateway)
      .post(`${path}/options/${fit.id}`)
      .set(admin)
      .send({ title: 'Cut' })
      .expect(200);
    expect(renamed.body.product.options.map((option: Json) => option.title)).toEqual(['Size', 'Cut']);
    const clash = await request(gateway).delete(`${path}/options/${size.id}`).set(admin);
    expect(clash.status).toBe(400);
    expect(clash.body.message).toContain('unique combination of option values');
    const removed = await request(gateway).delete(`${path}/options/${fit.id}`).set(admin).expect(200);
    expect(removed.body).toMatchObject({ option_id: fit.id, object: 'option', deleted: true });
    expect(removed.body.product.options.map((option: Json) => option.title)).toEqual(['Size']);

    const large = removed.body.product.variants.find((variant: Json) => variant.sku === 'LINEN-SHIRT-L');
    const gone = await request(gateway).delete(`${path}/variants/${large.id}`).set(admin).expect(200);
    expect(gone.body).toMatchObject({ variant_id: large.id, object: 'product-variant', deleted: true });
    expect(gone.body.product.variants.map((variant: Json) => variant.sku).sort()).toEqual([
      'LINEN-SHIRT-M',
      'LINEN-SHIRT-S',
    ]);
    await request(gateway).delete(`${path}/variants/${large.id}`).set(admin).expect(404);
    const again = await request(gateway)
      .post(`${path}/variants`)
      .set(admin)
      .send({
        title: 'L',
        sku: 'LINEN-SHIRT-L',
        prices: [{ currency_code: 'usd', amount: 4800 }],
        options: [{ value: 'L' }],
      })
      .expect(200);
    expect(again.body.product.variants).toHaveLength(3);
    const cap = await request(gateway)
      .post('/admin/products')
      .set(admin)
      .send(shirt({ title: 'Cap', handle: 'cap', variants: [] }))
      .expect(200);
    expect(cap.body.product.handle).toBe('cap');
  });

  it('refuses bad input whole: duplicate SKU or handle, foreign currency, negative amounts, missing option values, unknown ids', async () => {
    const before = await products();
    const sku = await request(gateway)
      .post('/admin/products')
      .set(admin)
      .send(shirt({ handle: 'another-shirt' }));
    expect(sku.status).toBe(422);
    expect(sku.body).toMatchObject({ type: 'duplicate_error' });
    expect(sku.body.message).toContain('LINEN-SHIRT-S');
    const handle = await request(gateway)
      .post('/admin/products')
      .set(admin)
      .send(shirt({ variants: [] }));
    expect(handle.status).toBe(422);
    expect(handle.body.message).toContain('linen-shirt');
    const variant = (overrides: Json) =>
      shirt({
        handle: 'fresh-shirt',
        variants: [{ title: 'X', sku: 'FRESH-X', options: [{ value: 'X' }], ...overrides }],
      });
    const refusals: [Json, number][] = [
      [variant({ prices: [{ region_id: region.id, currency_code: 'eur', amount: 100 }] }), 400],
      [variant({ prices: [{ currency_code: 'usd', amount: -1 }] }), 400],
      [variant({ inventory_quantity: -3 }), 400],
      [variant({ options: [] }), 400],
      [variant({ prices: [{ region_id: 'reg_01NOPE00000000000000000000', amount: 100 }] }), 404],
      [shirt({ handle: 'fresh-shirt', variants: [], collection_id: 'pcol_01NOPE00000000000000000000' }), 404],
    ];
    for (const [body, status] of refusals) {
      const answer = await request(gateway).post('/admin/products').set(admin).send(body);
      expect({ variant: body.variants?.[0], status: answer.status }).toEqual({
        variant: body.variants?.[0],
        status,
      });
      expect(answer.body.message).toEqual(expect.any(String));
    }
    expect(await products()).toBe(before);
    await request(gateway)
      .post('/admin/products/prod_01NOPE00000000000000000000')
      .set(admin)
      .send({ title: 'x' })
      .expect(404);
    await request(gateway).get('/admin/products').expect(401);
  });
});
