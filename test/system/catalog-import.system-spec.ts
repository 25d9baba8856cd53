import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { adminHeaders } from '../support/admin';
import { Json } from '../support/store-carts';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

const EXAMPLE = join(__dirname, '../../examples/tea-shop.catalog.json');
const run = promisify(execFile);

/**
 * The catalog import (`npm run import -- <file>` and `POST /admin/catalog/import`) into a store without
 * the demo data: the example document stocks a store that sells; loading it again creates and changes
 * nothing; a changed document updates what changed and never resets stock sold since; bad entries are
 * refused by line with the reason, and nothing of them is written while the rest loads.
 */
describe('catalog import', () => {
  let env: TestEnvironment;
  let gateway: string;
  let admin: Record<string, string>;
  const importText = (text: string) =>
    request(gateway)
      .post('/admin/catalog/import')
      .set(admin)
      .set('Content-Type', 'application/json')
      .send(text);
  const cli = () =>
    run(process.execPath, [join(__dirname, '../../scripts/import.mjs'), EXAMPLE], {
      env: { ...process.env, GATEWAY_URL: gateway },
    });
  const variantBySku = async (sku: string): Promise<Json> => {
    const { body } = await request(gateway).get(`/admin/products?q=${sku}`).set(admin).expect(200);
    return body.products[0].variants.find((variant: Json) => variant.sku === sku);
  };

  beforeAll(async () => {
    env = await createTestEnvironment({
      apps: ['catalog', 'cart', 'customer', 'gateway'],
      freshDatabase: true,
      env: { DEMO_DATA: 'false' },
    });
    gateway = env.url('gateway');
    admin = await adminHeaders(gateway);
  });
  afterAll(() => env.close());

  it('serves only the merchant', async () => {
    await request(gateway).post('/admin/catalog/import').send({ products: [] }).expect(401);
  });

  it('stocks an empty store from the example document through npm run import, which then sells', async () => {
    const { stdout } = await cli();
    expect(stdout).toContain(
      'created   1 regions, 2 collections, 2 categories, 2 products, 2 shipping_options',
    );

    const { body } = await request(gateway).get('/store/products?handle=dragon-well').expect(200);
    const product = body.products[0];
    expect(product).toMatchObject({
      title: 'Dragon Well',
      status: 'published',
      collection: { handle: 'green-teas' },
      type: { value: 'Tea' },
    });
    expect(product.options.map((option: Json) => option.title)).toEqual(['Weight']);
    expect(product.variants.map((variant: Json) => variant.sku).sort()).toEqual(['DW-100', 'DW-50']);
    const category = await request(gateway).get('/store/product-categories?handle=loose-leaf').expect(200);
    expect(category.body.product_categories[0].parent_category_id).toEqual(expect.stringMatching(/^pcat_/));

    const regions = (await request(gateway).get('/store/regions').expect(200)).body.regions as Json[];
    const region = regions.find((candidate) => candidate.name === 'North America')!;
    const dw100 = product.variants.find((variant: Json) => variant.sku === 'DW-100');
    const cart = await request(gateway)
      .post('/store/carts')
      .send({ region_id: region.id, items: [{ variant_id: dw100.id, quantity: 4 }] })
      .expect(200);
    expect(cart.body.cart.items[0].unit_price).toBe(3000); // the region's price beats the currency's
    const options = await request(gateway).get(`/store/shipping-options/${cart.body.cart.id}`).expect(200);
    expect(options.body.shipping_options.map((option: Json) => option.name).sort()).toEqual([
      'Free over $100',
      'Standard',
    ]);
  });

  it('changes nothing when the same document is loaded again', async () => {
    const before = (await request(gateway).get('/admin/products').set(admin).expect(200)).body.count;
    const { stdout } = await cli();
    expect(stdout).toContain('created   -');
    expect(stdout).toContain('updated   -');
    expect(stdout).toContain(
      'unchanged 1 regions, 2 collections, 2 categories, 2 products, 2 shipping_options',
    );
    expect((await request(gateway).get('/admin/products').set(admin).expect(200)).body.count).toBe(before);
  });

  it('updates what a changed document changes, adds new variants and never resets the stock', async () => {
    const sold = await variantBySku('DW-50');
    await request(gateway)
      .post(`/admin/variants/${sold.id}/inventory`)
      .set(admin)
      .send({ adjustment: -3, reason: 'sold at the fair' })
      .expect(200);
    const document = JSON.parse(await readFile(EXAMPLE, 'utf8'));
    const dragonWell = document.products[0];
    dragonWell.variants[0].prices[0].amount = 1900;
    dragonWell.variants.push({
      title: '250 g',
      sku: 'DW-250',
      options: ['250 g'],
      prices: [{ currency_code: 'usd', amount: 7000 }],
      inventory_quantity: 10,
    });
    const { body } = await importText(JSON.stringify(document)).expect(200);
    expect(body.updated.products).toBe(1);
    expect(body.unchanged.products).toBe(1);
    expect(body.refused).toEqual([]);

    const dw50 = await variantBySku('DW-50');
    expect(dw50.prices.map((price: Json) => price.amount)).toEqual([1900]);
    expect(dw50.inventory_quantity).toBe(37);
    expect((await variantBySku('DW-250')).inventory_quantity).toBe(10);
  });

  it('refuses bad entries by line with the reason, writing nothing of them, and loads the rest', async () => {
    const text = [
      '{',
      '  "products": [',
      '    { "title": "Pu-erh", "handle": "pu-erh", "variants": [{ "title": "Cake", "sku": "PU-CAKE", "prices": [{ "currency_code": "usd", "amount": 4500 }] }] },',
      '    { "title": "Copy", "handle": "copy-of-dragon-well", "variants": [{ "title": "50 g", "sku": "DW-50", "prices": [{ "currency_code": "usd", "amount": 1 }] }] },',
      '    { "title": "Wrong currency", "handle": "wrong-currency", "variants": [{ "title": "One", "sku": "WC-1", "prices": [{ "region": "North America", "currency_code": "eur", "amount": 100 }] }] },',
      '    { "title": "Negative", "handle": "negative", "variants": [{ "title": "One", "sku": "NEG-1", "prices": [{ "currency_code": "usd", "amount": -5 }] }] },',
      '    { "title": "Lost", "handle": "lost", "collection": "no-such-collection", "variants": [] }',
      '  ]',
      '}',
    ].join('\n');
    const { body } = await importText(text).expect(200);
    expect(body.created.products).toBe(1);
    expect(body.refused).toEqual([
      { section: 'products', key: 'copy-of-dragon-well', line: 4, reason: expect.stringContaining('DW-50') },
      {
        section: 'products',
        key: 'wrong-currency',
        line: 5,
        reason: expect.stringContaining('must be in its currency usd'),
      },
      { section: 'products', key: 'negative', line: 6, reason: expect.stringContaining('amount') },
      { section: 'products', key: 'lost', line: 7, reason: expect.stringContaining('no-such-collection') },
    ]);
    for (const handle of ['copy-of-dragon-well', 'wrong-currency', 'negative', 'lost']) {
      const listed = await request(gateway).get(`/admin/products?q=${handle}`).set(admin).expect(200);
      expect({ handle, count: listed.body.count }).toEqual({ handle, count: 0 });
    }
    expect((await variantBySku('PU-CAKE')).sku).toBe('PU-CAKE');
  });

  it('creates records with the ids a document fixes, and finds them by those ids again', async () => {
    const product = {
      id: 'prod_SENCHAFIXED01',
      title: 'Sencha',
      handle: 'sencha',
      type: 'Steamed tea',
      tags: ['steamed'],
      options: ['Weight'],
      variants: [
        {
          id: 'variant_SENCHAFIXED50',
          title: '50 g',
          sku: 'SEN-50',
          options: ['50 g'],
          prices: [{ currency_code: 'usd', amount: 1600 }],
          inventory_quantity: 12,
        },
      ],
    };
    const document = {
      product_types: [{ id: 'ptyp_STEAMEDFIXED', value: 'Steamed tea' }],
      product_tags: [{ id: 'ptag_STEAMEDFIXED', value: 'steamed' }],
      products: [product],
    };
    const first = await importText(JSON.stringify(document)).expect(200);
    expect(first.body).toMatchObject({
      created: { product_types: 1, product_tags: 1, products: 1 },
      refused: [],
    });
    const stored = (await request(gateway).get('/store/products/prod_SENCHAFIXED01').expect(200)).body
      .product;
    expect(stored).toMatchObject({
      handle: 'sencha',
      type: { id: 'ptyp_STEAMEDFIXED', value: 'Steamed tea' },
      tags: [{ id: 'ptag_STEAMEDFIXED', value: 'steamed' }],
      variants: [{ id: 'variant_SENCHAFIXED50', sku: 'SEN-50' }],
    });

    // Found by its id, a product whose handle the document changes is renamed, not created again.
    const renamed = { ...document, products: [{ ...product, handle: 'sencha-spring' }] };
    const second = await importText(JSON.stringify(renamed)).expect(200);
    expect(second.body.updated.products).toBe(1);
    expect(second.body.created.products).toBe(0);
    const moved = (await request(gateway).get('/store/products/prod_SENCHAFIXED01').expect(200)).body.product;
    expect(moved.handle).toBe('sencha-spring');

    const badId = { products: [{ ...product, id: 'variant_NOTAPRODUCT', handle: 'other-sencha' }] };
    const refused = await importText(JSON.stringify(badId)).expect(200);
    expect(refused.body.refused).toEqual([
      expect.objectContaining({ section: 'products', reason: expect.stringContaining('prod_') }),
    ]);
  });

  it('loads price lists by name with their prices by SKU, and a changed list replaces its prices', async () => {
    const list = {
      name: 'Spring tea sale',
      description: 'Dragon Well for less',
      type: 'sale',
      status: 'active',
      prices: [
        { sku: 'DW-50', currency_code: 'usd', amount: 1500 },
        { sku: 'DW-100', region: 'North America', amount: 2600 },
      ],
    };
    const first = await importText(JSON.stringify({ price_lists: [list] })).expect(200);
    expect(first.body).toMatchObject({ created: { price_lists: 1 }, refused: [] });
    const listed = await request(gateway).get('/admin/price-lists?q=Spring').set(admin).expect(200);
    expect(listed.body.count).toBe(1);
    const id = listed.body.price_lists[0].id;
    const pricesOf = async () =>
      (await request(gateway).get(`/admin/price-lists/${id}`).set(admin).expect(200)).body.price_list.prices
        .map((price: Json) => [price.variant_id, price.currency_code, price.amount])
        .sort();
    const dw50 = (await variantBySku('DW-50')).id;
    const dw100 = (await variantBySku('DW-100')).id;
    expect(await pricesOf()).toEqual(
      [
        [dw100, 'usd', 2600],
        [dw50, 'usd', 1500],
      ].sort(),
    );

    const again = await importText(JSON.stringify({ price_lists: [list] })).expect(200);
    expect(again.body.unchanged.price_lists).toBe(1);

    const changed = { ...list, prices: [{ sku: 'DW-50', currency_code: 'usd', amount: 1400 }] };
    const second = await importText(JSON.stringify({ price_lists: [changed] })).expect(200);
    expect(second.body.updated.price_lists).toBe(1);
    expect(await pricesOf()).toEqual([[dw50, 'usd', 1400]]);

    const unknown = {
      ...list,
      name: 'Ghost sale',
      prices: [{ sku: 'NO-SUCH-SKU', currency_code: 'usd', amount: 1 }],
    };
    const refused = await importText(JSON.stringify({ price_lists: [unknown] })).expect(200);
    expect(refused.body.refused).toEqual([
      expect.objectContaining({
        section: 'price_lists',
        key: 'Ghost sale',
        reason: expect.stringContaining('NO-SUCH-SKU'),
      }),
    ]);
    expect((await request(gateway).get('/admin/price-lists?q=Ghost').set(admin).expect(200)).body.count).toBe(
      0,
    );
  });

  it('counts presale dates given in days from when the entry is loaded', async () => {
    const before = Date.now();
    const product = {
      title: 'Aged Pu-erh',
      handle: 'aged-pu-erh',
      variants: [
        {
          title: 'Cake',
          sku: 'PU-AGED',
          prices: [{ currency_code: 'usd', amount: 9000 }],
          inventory_quantity: 30,
          presale: {
            currency_code: 'usd',
            deposit_amount: 1000,
            balance_opens_at: 'P7D',
            balance_closes_at: 'P14D',
            expect_arrival_time: '2027-03-01T00:00:00Z',
            stock_limit: 10,
            buy_limit: 1,
          },
        },
      ],
    };
    const { body } = await importText(JSON.stringify({ products: [product] })).expect(200);
    expect(body.refused).toEqual([]);
    const variant = await variantBySku('PU-AGED');
    const offer = (await request(gateway).get(`/admin/variants/${variant.id}/presale`).set(admin).expect(200))
      .body.presale_offer;
    const days = (at: string) => (new Date(at).getTime() - before) / (24 * 3600 * 1000);
    expect(days(offer.balance_opens_at)).toBeGreaterThanOrEqual(7);
    expect(days(offer.balance_opens_at)).toBeLessThan(7.01);
    expect(days(offer.balance_closes_at)).toBeGreaterThanOrEqual(14);
    expect(days(offer.balance_closes_at)).toBeLessThan(14.01);
    expect(new Date(offer.expect_arrival_time).toISOString()).toBe('2027-03-01T00:00:00.000Z');

    const badDate = {
      ...product,
      handle: 'bad-date',
      variants: [
        {
          ...product.variants[0],
          sku: 'PU-BAD',
          presale: { ...product.variants[0].presale, balance_opens_at: 'next week' },
        },
      ],
    };
    const refused = await importText(JSON.stringify({ products: [badDate] })).expect(200);
    expect(refused.body.refused).toEqual([
      expect.objectContaining({ key: 'bad-date', reason: expect.stringContaining('P7D') }),
    ]);
  });

  it('refuses a document that is not one, before loading anything', async () => {
    const unknownSection = await importText(JSON.stringify({ produkts: [] })).expect(400);
    expect(unknownSection.body).toMatchObject({
      type: 'invalid_data',
      message: expect.stringContaining('produkts'),
    });
    await importText(JSON.stringify({ products: {} })).expect(400);
  });
});
