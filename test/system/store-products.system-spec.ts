import { DemoProductIds, DemoRegionIds, DemoVariantIds } from '@app/contracts';
import request from 'supertest';
import { expandedRelations, medusaSchemaErrors } from '../support/medusa-spec';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EUROPE = DemoRegionIds.europe;
const CHINA = DemoRegionIds.china;
const DEMO_PRODUCTS = 14;

describe('store API: products', () => {
  let env: TestEnvironment;
  let gateway: string;
  const get = (path: string) => request(gateway).get(path);
  const products = async (query: string): Promise<Json[]> =>
    (await get(`/store/products?${query}`).expect(200)).body.products;
  const handles = async (query: string) => (await products(query)).map((product) => product.handle);
  const variant = (list: Json[], id: string): Json =>
    list.flatMap((product) => product.variants).find((candidate: Json) => candidate.id === id);

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'gateway'] });
    gateway = env.url('gateway');
  });
  afterAll(() => env.close());

  describe('shapes', () => {
    it.each([
      ['/store/products', 'StoreProductsListRes'],
      [`/store/products?region_id=${EUROPE}`, 'StoreProductsListRes'],
      [
        `/store/products?currency_code=cny&expand=variants,variants.prices,categories`,
        'StoreProductsListRes',
      ],
      [`/store/products/${DemoProductIds.classicTee}`, 'StoreProductsRes'],
      [`/store/products/${DemoProductIds.classicTee}?region_id=${CHINA}`, 'StoreProductsRes'],
    ])('GET %s conforms to %s', async (path, schema) => {
      const response = await get(path).expect(200);
      expect(medusaSchemaErrors(schema, response.body)).toBeNull();
    });

    it('lists every published product with the relations Medusa expands, newest first', async () => {
      const response = await get('/store/products').expect(200);
      expect(response.body).toMatchObject({ count: DEMO_PRODUCTS, offset: 0, limit: 100 });
      const list: Json[] = response.body.products;
      expect(list).toHaveLength(DEMO_PRODUCTS);
      for (const product of list) {
        for (const relation of expandedRelations('StoreProductsListRes').relations) {
          const [head, tail] = relation.split('.');
          if (!tail) expect(product).toHaveProperty(head);
          else for (const item of product[head]) expect(item).toHaveProperty(tail);
        }
        for (const item of product.variants) expect(typeof item.purchasable).toBe('boolean');
      }
      const created = list.map((product) => product.created_at);
      expect(created).toEqual([...created].sort().reverse());
    });

    it('shows the demo shop: options with values, variants with options, images, collection and type', async () => {
      const { product } = (await get(`/store/products/${DemoProductIds.classicTee}`).expect(200)).body;
      expect(product).toMatchObject({
        handle: 'classic-tee',
        title: 'Classic Tee',
        status: 'published',
        is_giftcard: false,
      });
      expect(product.options.map((option: Json) => option.title)).toEqual(['Size', 'Color']);
      expect(product.options[0].values).toHaveLength(8);
      expect(product.variants).toHaveLength(8);
      expect(product.variants[0].options.map((value: Json) => value.value)).toEqual(['S', 'White']);
      expect(product.images.length).toBeGreaterThan(0);
      expect(product.thumbnail).toBe(product.images[0].url);
      expect(product.collection).toMatchObject({ handle: 'summer-essentials' });
      expect(product.type).toMatchObject({ value: 'Clothing' });
      expect(product.tags.map((tag: Json) => tag.value)).toEqual(['bestseller', 'cotton']);
    });
  });

  describe('pricing', () => {
    it('leaves prices uncomputed without a region or currency, as Medusa does', async () => {
      const tee = variant(await products(`id[]=${DemoProductIds.classicTee}`), DemoVariantIds.teeSmallWhite);
      expect(tee).toMatchObject({ calculated_price: null, original_price: null, tax_rates: null });
      // Default prices only: the VIP list is for a customer group.
      expect(tee.prices.map((price: Json) => price.currency_code).sort()).toEqual(['cny', 'eur']);
    });

    it.each<[string, string, string, Json]>([
      [
        'a plain price, with the region’s 20 % VAT',
        `region_id=${EUROPE}`,
        DemoVariantIds.teeSmallWhite,
        {
          calculated_price: 1950,
          original_price: 1950,
          calculated_price_type: 'default',
          calculated_tax: 390,
          calculated_price_incl_tax: 2340,
          original_price_incl_tax: 2340,
          tax_rates: [{ rate: 20, name: 'default', code: 'default' }],
        },
      ],
      [
        'the same in yuan, where prices carry no added tax',
        `region_id=${CHINA}`,
        DemoVariantIds.teeSmallWhite,
        {
          calculated_price: 9900,
          original_price: 9900,
          calculated_tax: 0,
          calculated_price_incl_tax: 9900,
        },
      ],
      [
        'an active sale',
        `region_id=${EUROPE}`,
        DemoVariantIds.shortsMedium,
        {
          calculated_price: 2900,
          original_price: 3900,
          calculated_price_type: 'sale',
        },
      ],
      [
        'a region price beats the euro price',
        `region_id=${EUROPE}`,
        DemoVariantIds.tote,
        { calculated_price: 1700, original_price: 1700 },
      ],
      [
        'a currency alone: euro price, no taxes',
        'currency_code=eur',
        DemoVariantIds.teeSmallWhite,
        {
          calculated_price: 1950,
          original_price: 1950,
          calculated_tax: null,
          tax_rates: null,
        },
      ],
      [
        'an expired price list does not apply',
        `region_id=${EUROPE}`,
        DemoVariantIds.mugWhite,
        { calculated_price: 1500 },
      ],
      [
        'a quantity tier does not apply to a listing',
        `region_id=${EUROPE}`,
        DemoVariantIds.socksSmall,
        { calculated_price: 1200 },
      ],
      [
        'a customer group’s price list does not apply to anonymous shoppers',
        `region_id=${EUROPE}`,
        DemoVariantIds.teeMediumBlack,
        {
          calculated_price: 1950,
        },
      ],
    ])('%s', async (_case, query, variantId, expected) => {
      expect(variant(await products(query), variantId)).toMatchObject(expected);
    });

    it('never shows prices of other currencies or of draft price lists in a region', async () => {
      const hoodie = (await products(`region_id=${EUROPE}&id[]=${DemoProductIds.organicHoodie}`))[0];
      for (const item of hoodie.variants) {
        expect(item.calculated_price).toBe(5900);
        for (const price of item.prices) expect(price.currency_code).toBe('eur');
      }
    });

    it('shows availability: scarce, sold out but backorderable, unmanaged', async () => {
      const list = await products(`region_id=${EUROPE}`);
      expect(variant(list, DemoVariantIds.hoodieLargeNavy)).toMatchObject({
        inventory_quantity: 2,
        purchasable: true,
      });
      expect(variant(list, DemoVariantIds.capKhaki)).toMatchObject({
        inventory_quantity: 0,
        allow_backorder: true,
        purchasable: true,
      });
      expect(variant(list, DemoVariantIds.giftCardMedium)).toMatchObject({
        manage_inventory: false,
        purchasable: true,
      });
    });
  });

  describe('filters and pages', () => {
    it.each<[string, string[]]>([
      ['q=linen', ['linen-shorts']],
      ['q=LINEN', ['linen-shorts']],
      ['q=TEE-S', ['classic-tee']],
      ['handle=celadon-tea-set', ['celadon-tea-set']],
      ['is_giftcard=true', ['gift-card']],
      [
        `id[]=${DemoProductIds.stonewareMug}&id[]=${DemoProductIds.crewSocks}`,
        ['stoneware-mug', 'crew-socks'],
      ],
      ['title=Wool Scarf', ['wool-scarf']],
    ])('%s → %j', async (query, expected) => {
      expect((await handles(query)).sort()).toEqual([...expected].sort());
    });

    it('filters by creation time (the demo document creates its products in order)', async () => {
      const list: Json[] = (await get('/store/products?limit=100').expect(200)).body.products;
      const created = list
        .map((product) => ({ handle: product.handle, at: product.created_at as string }))
        .sort((a, b) => a.at.localeCompare(b.at));
      expect(created[0].handle).toBe('classic-tee');
      expect(await handles(`created_at[lt]=${created[1].at}`)).toEqual(['classic-tee']);
      expect((await handles(`created_at[gte]=${created[created.length - 3].at}`)).sort()).toEqual([
        'gift-card',
        'pewter-tea-caddy',
        'wool-scarf',
      ]);
    });

    it('filters by collection, type, tag and category, with or without children', async () => {
      const { product } = (
        await get(`/store/products/${DemoProductIds.classicTee}?expand=categories`).expect(200)
      ).body;
      expect(product.categories.map((category: Json) => category.handle)).toEqual(['tops']); // staff-picks is internal
      const winter = await handles(
        `collection_id[]=${(await get('/store/collections?handle[]=winter-warmers').expect(200)).body.collections[0].id}`,
      );
      expect(winter.sort()).toEqual(['merino-beanie', 'organic-hoodie', 'relaxed-sweatpants', 'wool-scarf']);
      const cotton = (await get('/store/product-tags?value[]=cotton').expect(200)).body.product_tags[0].id;
      expect((await handles(`tags[]=${cotton}`)).sort()).toEqual([
        'baseball-cap',
        'classic-tee',
        'crew-socks',
        'relaxed-sweatpants',
      ]);
      const homeware = (await get('/store/product-types?value[]=Homeware').expect(200)).body.product_types[0]
        .id;
      expect((await handles(`type_id[]=${homeware}`)).sort()).toEqual([
        'celadon-tea-set',
        'pewter-tea-caddy',
        'pour-over-coffee-set',
        'stoneware-mug',
      ]);
      const apparel = (await get('/store/product-categories?handle=apparel').expect(200)).body
        .product_categories[0].id;
      expect(await handles(`category_id[]=${apparel}`)).toEqual([]);
      expect((await handles(`category_id[]=${apparel}&include_category_children=true`)).sort()).toEqual([
        'classic-tee',
        'linen-shorts',
        'organic-hoodie',
        'relaxed-sweatpants',
      ]);
    });

    it.each<[string, number, number]>([
      ['limit=5', 5, 0],
      ['limit=5&offset=10', 4, 10],
      ['offset=20', 0, 20],
      ['limit=0', 0, 0],
    ])('%s → %d products, count stays the total', async (query, size, offset) => {
      const response = await get(`/store/products?${query}`).expect(200);
      expect(response.body.products).toHaveLength(size);
      expect(response.body).toMatchObject({ count: DEMO_PRODUCTS, offset });
    });

    it.each([
      [
        'order=title',
        (titles: string[]) => [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
      ],
      [
        'order=-title',
        (titles: string[]) => [...titles].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })),
      ],
    ])('%s orders the list', async (query, sorted) => {
      const titles = (await products(query)).map((product) => product.title as string);
      expect(titles).toEqual(sorted(titles));
    });
  });

  describe('expand and fields', () => {
    it.each<[string, string[], string[]]>([
      ['expand=variants', ['variants'], ['options', 'images', 'tags', 'collection', 'type']],
      ['expand=images,tags', ['images', 'tags'], ['variants', 'options', 'collection']],
      ['expand=', [], ['variants', 'images', 'options']],
    ])('%s loads exactly those relations', async (query, present, absent) => {
      const [product] = await products(`${query}&limit=1&region_id=${EUROPE}`);
      for (const relation of present) expect(product).toHaveProperty(relation);
      for (const relation of absent) expect(product).not.toHaveProperty(relation);
    });

    it('prices only when variant prices are loaded', async () => {
      const [product] = await products(`expand=variants&limit=1&region_id=${EUROPE}`);
      expect(product.variants[0]).not.toHaveProperty('prices');
      expect(product.variants[0]).not.toHaveProperty('calculated_price');
    });

    it('returns the asked fields (plus id and created_at) beside the relations', async () => {
      const [product] = await products('fields=title,handle&expand=variants&limit=1');
      expect(Object.keys(product).sort()).toEqual(['created_at', 'handle', 'id', 'title', 'variants']);
      const [one] = await products('fields=%2Bprofile_id&expand=&limit=1');
      expect(one).toHaveProperty('profile_id');
      expect(one).toHaveProperty('description');
    });

    it.each([
      ['expand=variants,secrets', 'Requested fields [secrets] are not valid'],
      ['fields=title,password', 'Requested fields [password] are not valid'],
      ['order=password', 'Order field password is not valid'],
    ])('%s → 400 invalid_data', async (query, message) => {
      expect((await get(`/store/products?${query}`).expect(400)).body).toEqual({
        type: 'invalid_data',
        message,
      });
    });
  });

  describe('bad input', () => {
    it.each([
      ['/store/products?offset=-1', 400, 'offset must not be less than 0'],
      ['/store/products?limit=1001', 400, 'limit must not be greater than 1000'],
      ['/store/products?sort=title', 400, 'property sort should not exist'],
      ['/store/products?is_giftcard=maybe', 400, 'is_giftcard must be a boolean value'],
      ['/store/products?currency_code=EURO', 400, 'currency_code must be a lower-case ISO 4217 code'],
      ['/store/products?created_at[gt]=soon', 400, 'gt must be a Date instance'],
      ['/store/products?region_id=reg_nowhere', 404, 'Region with reg_nowhere was not found'],
      [
        '/store/products/prod_01KDVDNA10ZZZZZZZZZZZZZZZZ',
        404,
        'Product with id: prod_01KDVDNA10ZZZZZZZZZZZZZZZZ was not found',
      ],
      ["/store/products/not-an-id'--", 404, "Product with id: not-an-id'-- was not found"],
    ])('GET %s → %d', async (path, status, message) => {
      const response = await get(path).expect(status);
      expect(response.body.message).toContain(message);
      expect(medusaSchemaErrors('Error', response.body)).toBeNull();
    });
  });

  describe('search', () => {
    it('finds products by free text (POST /store/products/search)', async () => {
      const response = await request(gateway).post('/store/products/search').send({ q: 'mug' }).expect(200);
      expect(medusaSchemaErrors('StorePostSearchRes', response.body)).toBeNull();
      expect(response.body.hits.map((hit: Json) => hit.handle)).toEqual(['stoneware-mug']);
      const everything = await request(gateway)
        .post('/store/products/search')
        .send({ limit: 2, offset: 2 })
        .expect(200);
      expect(everything.body).toMatchObject({ count: DEMO_PRODUCTS, limit: 2, offset: 2 });
      expect(everything.body.hits).toHaveLength(2);
    });

    it('refuses bad search bodies', async () => {
      await request(gateway).post('/store/products/search').send({ q: 'mug', limit: -1 }).expect(400);
      await request(gateway).post('/store/products/search').send({ query: 'mug' }).expect(400);
    });
  });
});
