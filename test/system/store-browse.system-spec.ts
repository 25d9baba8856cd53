import { DemoProductIds, DemoRegionIds, DemoShippingOptionIds, DemoVariantIds } from '@app/contracts';
import request from 'supertest';
import { demoStoreDocument } from '../../apps/catalog/src/demo/demo-store.seed';
import { medusaSchemaErrors } from '../support/medusa-spec';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EUROPE = DemoRegionIds.europe;
const CHINA = DemoRegionIds.china;

describe('store API: variants, collections, categories, tags, types, shipping options', () => {
  let env: TestEnvironment;
  let gateway: string;
  const get = (path: string) => request(gateway).get(path);
  const body = async (path: string): Promise<Json> => (await get(path).expect(200)).body;

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['catalog', 'gateway'] });
    gateway = env.url('gateway');
  });
  afterAll(() => env.close());

  it.each([
    ['/store/variants', 'StoreVariantsListRes'],
    [
      `/store/variants?region_id=${EUROPE}&ids=${DemoVariantIds.teeSmallWhite},${DemoVariantIds.mugWhite}`,
      'StoreVariantsListRes',
    ],
    [`/store/variants/${DemoVariantIds.teeSmallWhite}?region_id=${CHINA}`, 'StoreVariantsRes'],
    ['/store/collections', 'StoreCollectionsListRes'],
    ['/store/product-categories', 'StoreGetProductCategoriesRes'],
    [
      '/store/product-categories?include_descendants_tree=true&parent_category_id=null',
      'StoreGetProductCategoriesRes',
    ],
    ['/store/product-tags', 'StoreProductTagsListRes'],
    ['/store/product-types', 'StoreProductTypesListRes'],
    ['/store/shipping-options', 'StoreShippingOptionsListRes'],
    [`/store/shipping-options?region_id=${CHINA}`, 'StoreShippingOptionsListRes'],
  ])('GET %s conforms to %s', async (path, schema) => {
    expect(medusaSchemaErrors(schema, await body(path))).toBeNull();
  });

  describe('variants', () => {
    it('prices a variant, with its product, options and availability', async () => {
      const { variant } = await body(`/store/variants/${DemoVariantIds.hoodieLargeNavy}?region_id=${EUROPE}`);
      expect(variant).toMatchObject({
        sku: 'HOOD-L-NAV',
        inventory_quantity: 2,
        purchasable: true,
        calculated_price: 5900,
        calculated_price_incl_tax: 7080,
        product: { handle: 'organic-hoodie' },
      });
      expect(variant.options.map((value: Json) => value.value)).toEqual(['L', 'Navy']);
    });

    it.each<[string, string[]]>([
      [`ids=${DemoVariantIds.capKhaki},${DemoVariantIds.capBlack}`, ['CAP-BLA', 'CAP-KHA']],
      [`id[]=${DemoVariantIds.teaSet}`, ['TEA-CEL-6']],
      ['title[]=L / Navy', ['HOOD-L-NAV']],
      ['inventory_quantity=0', ['CAP-KHA']],
      ['inventory_quantity[lte]=5', ['CAP-KHA', 'HOOD-L-NAV', 'TEA-CEL-6']],
      ['inventory_quantity[gt]=2&inventory_quantity[lt]=10', ['TEA-CEL-6']],
    ])('filters %s', async (query, skus) => {
      const { variants } = await body(`/store/variants?${query}`);
      expect(variants.map((variant: Json) => variant.sku).sort()).toEqual(skus);
    });

    it('loads only the relations asked for', async () => {
      const { variants } = await body(`/store/variants?ids=${DemoVariantIds.teaSet}&expand=options`);
      expect(variants[0]).toHaveProperty('options');
      expect(variants[0]).not.toHaveProperty('prices');
      expect(variants[0]).not.toHaveProperty('product');
    });

    it.each([
      ['/store/variants?inventory_quantity[near]=3', 400],
      ['/store/variants?inventory_quantity=lots', 400],
      ['/store/variants?expand=secrets', 400],
      ['/store/variants?limit=5000', 400],
      ['/store/variants/variant_01KDVDNA10ZZZZZZZZZZZZZZZZ', 404],
    ])('GET %s → %d', async (path, status) => {
      await get(path).expect(status);
    });
  });

  describe('collections', () => {
    it('lists ten per page by default, newest first, and finds by handle', async () => {
      expect(await body('/store/collections')).toMatchObject({ count: 3, offset: 0, limit: 10 });
      const { collections } = await body('/store/collections?handle[]=home-and-kitchen');
      expect(collections.map((collection: Json) => collection.title)).toEqual(['Home & Kitchen']);
      const { collection } = await body(`/store/collections/${collections[0].id}`);
      expect(collection).toMatchObject({ handle: 'home-and-kitchen' });
      expect(medusaSchemaErrors('StoreCollectionsRes', { collection })).toBeNull();
    });

    it('pages past the end with the total still counted', async () => {
      expect(await body('/store/collections?offset=5')).toMatchObject({
        collections: [],
        count: 3,
        offset: 5,
      });
    });

    it.each([
      ['/store/collections?expand=products', 400],
      ['/store/collections/pcol_missing', 404],
    ])('GET %s → %d', async (path, status) => {
      await get(path).expect(status);
    });
  });

  describe('product categories', () => {
    it('shows only active, public categories, with parent and children', async () => {
      const { product_categories, count } = await body('/store/product-categories');
      expect(count).toBe(5);
      expect(product_categories.map((category: Json) => category.handle)).not.toContain('staff-picks');
      const tops = product_categories.find((category: Json) => category.handle === 'tops');
      expect(tops.parent_category).toMatchObject({ handle: 'apparel' });
      const apparel = product_categories.find((category: Json) => category.handle === 'apparel');
      expect(apparel.category_children.map((child: Json) => child.handle)).toEqual(['tops', 'bottoms']);
    });

    it('lists top-level categories with their whole tree', async () => {
      const { product_categories } = await body(
        '/store/product-categories?parent_category_id=null&include_descendants_tree=true',
      );
      expect(product_categories.map((category: Json) => category.handle).sort()).toEqual([
        'accessories',
        'apparel',
        'home',
      ]);
      const apparel = product_categories.find((category: Json) => category.handle === 'apparel');
      expect(apparel.category_children[0]).toHaveProperty('category_children', []);
    });

    it('finds by handle and free text, gets one, hides internal ones', async () => {
      const [bottoms] = (await body('/store/product-categories?handle=bottoms')).product_categories;
      expect(
        (await body('/store/product-categories?q=BOTT')).product_categories.map((c: Json) => c.id),
      ).toEqual([bottoms.id]);
      const { product_category } = await body(`/store/product-categories/${bottoms.id}?fields=name`);
      expect(product_category).toMatchObject({
        id: bottoms.id,
        name: 'Bottoms',
        parent_category: { handle: 'apparel' },
      });
      expect(product_category).not.toHaveProperty('description');
      const staffPicks = JSON.parse(demoStoreDocument()).categories.find(
        (category: { handle: string }) => category.handle === 'staff-picks',
      );
      await get(`/store/product-categories/${staffPicks.id}`).expect(404);
      await get('/store/product-categories/pcat_01KDVDNA10ZZZZZZZZZZZZZZZZ').expect(404);
    });
  });

  describe('tags and types', () => {
    it.each<[string, string, string[]]>([
      ['/store/product-tags?value[]=wool&value[]=linen', 'product_tags', ['linen', 'wool']],
      ['/store/product-tags?q=CER', 'product_tags', ['ceramic']],
      [
        '/store/product-types?order=value',
        'product_types',
        ['Accessory', 'Clothing', 'Gift Card', 'Homeware'],
      ],
      ['/store/product-types?order=-value&limit=2', 'product_types', ['Homeware', 'Gift Card']],
    ])('GET %s', async (path, key, values) => {
      const list = (await body(path))[key].map((record: Json) => record.value);
      expect(path.includes('order=') ? list : list.sort()).toEqual(values);
    });

    it('pages twenty by default and selects fields', async () => {
      expect(await body('/store/product-tags')).toMatchObject({ count: 8, offset: 0, limit: 20 });
      const { product_tags } = await body('/store/product-tags?fields=value&limit=1');
      expect(Object.keys(product_tags[0]).sort()).toEqual(['created_at', 'id', 'value']);
    });

    it.each([
      '/store/product-tags?order=secret',
      '/store/product-types?fields=secret',
      '/store/product-tags?discount=1',
    ])('GET %s → 400', async (path) => {
      await get(path).expect(400);
    });
  });

  describe('shipping options', () => {
    const ids = (options: Json[]) => options.map((option) => option.id).sort();

    it("lists a region's store options, taxed at its rate, with requirements", async () => {
      const { shipping_options } = await body(`/store/shipping-options?region_id=${EUROPE}`);
      expect(ids(shipping_options)).toEqual(
        [
          DemoShippingOptionIds.europeStandard,
          DemoShippingOptionIds.europeExpress,
          DemoShippingOptionIds.europeFree,
          DemoShippingOptionIds.europeReturn,
          DemoShippingOptionIds.europeDigital,
        ].sort(),
      );
      const standard = shipping_options.find(
        (option: Json) => option.id === DemoShippingOptionIds.europeStandard,
      );
      expect(standard).toMatchObject({ amount: 800, tax_amount: 160, price_incl_tax: 960, requirements: [] });
      const free = shipping_options.find((option: Json) => option.id === DemoShippingOptionIds.europeFree);
      expect(free.requirements).toEqual([expect.objectContaining({ type: 'min_subtotal', amount: 10000 })]);
    });

    it('offers China its delivery ways: 普通快递 ¥10 and 顺丰速运 ¥15', async () => {
      const { shipping_options } = await body(`/store/shipping-options?region_id=${CHINA}&is_return=false`);
      const byName = Object.fromEntries(shipping_options.map((option: Json) => [option.name, option.amount]));
      expect(byName).toEqual({ 普通快递: 1000, 顺丰速运: 1500, 电子礼品卡: 0 });
    });

    it.each<[string, string[]]>([
      [`region_id=${EUROPE}&is_return=true`, [DemoShippingOptionIds.europeReturn]],
      [`region_id=${EUROPE}&product_ids=${DemoProductIds.giftCard}`, [DemoShippingOptionIds.europeDigital]],
      [`region_id=${CHINA}&product_ids=prod_missing`, []],
    ])('filters %s', async (query, expected) => {
      expect(ids((await body(`/store/shipping-options?${query}`)).shipping_options)).toEqual(
        [...expected].sort(),
      );
    });

    it('never shows admin-only options and refuses bad flags', async () => {
      const everything = ids((await body('/store/shipping-options')).shipping_options);
      expect(everything).toHaveLength(9);
      expect(everything).not.toContain(DemoShippingOptionIds.europeCourier);
      await get('/store/shipping-options?is_return=maybe').expect(400);
    });
  });
});
