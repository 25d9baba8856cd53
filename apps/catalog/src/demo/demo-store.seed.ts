import { DemoRegionIds } from '@app/contracts';
import { upsertRows } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { demoId } from './demo-ids';
import {
  DEMO_CATEGORIES,
  DEMO_COLLECTIONS,
  DEMO_PRICE_LISTS,
  DEMO_PRODUCTS,
  DEMO_REGION_PRICES,
  DEMO_SHIPPING_OPTIONS,
  DEMO_TAGS,
  DEMO_TYPES,
  DemoProduct,
} from './demo-products';
import {
  DEMO_CURRENCIES,
  DEMO_FULFILLMENT_PROVIDERS,
  DEMO_PAYMENT_PROVIDERS,
  DEMO_REGIONS,
  UNASSIGNED_COUNTRIES,
} from './demo-regions';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const REGION_ID = { europe: DemoRegionIds.europe, china: DemoRegionIds.china } as const;

/** Fixed ids of the demo records, derived from their natural keys. */
export const demoIds = {
  profile: (type: 'default' | 'gift_card') => demoId('sp', type),
  collection: (handle: string) => demoId('pcol', handle),
  type: (value: string) => demoId('ptyp', slug(value)),
  tag: (value: string) => demoId('ptag', value),
  category: (handle: string) => demoId('pcat', handle),
  product: (handle: string) => demoId('prod', handle),
  image: (url: string) => demoId('img', url),
  option: (handle: string, title: string) => demoId('opt', `${handle}/${title}`),
  variant: (sku: string) => demoId('variant', sku),
  optionValue: (sku: string, title: string) => demoId('optval', `${sku}/${title}`),
  price: (key: string) => demoId('ma', key),
  priceList: (key: string) => demoId('pl', key),
  shippingOption: (key: string) => demoId('so', key),
};

/** Seeds the demo store when the catalog has no products yet (called under the migration lock). */
export async function seedDemoStoreWhenEmpty(dataSource: DataSource): Promise<void> {
  const [{ products }] = await dataSource.query('SELECT count(*)::int AS products FROM catalog.product');
  if (products === 0) await upsertDemoStore(dataSource);
}

/** Inserts or updates every demo record by its fixed id, in one transaction (`npm run seed`). */
export async function upsertDemoStore(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await upsertRegions(manager);
    await upsertTaxonomy(manager);
    for (const [index, product] of DEMO_PRODUCTS.entries())
      await upsertProduct(manager, product, launchedAt(index));
    await upsertPriceLists(manager);
    await upsertShippingOptions(manager);
  });
}

async function upsertRegions(manager: EntityManager): Promise<void> {
  await upsertRows(manager, 'catalog.currency', DEMO_CURRENCIES, { conflict: ['code'] });
  await upsertRows(manager, 'catalog.payment_provider', DEMO_PAYMENT_PROVIDERS.map(installed));
  await upsertRows(manager, 'catalog.fulfillment_provider', DEMO_FULFILLMENT_PROVIDERS.map(installed));
  for (const region of DEMO_REGIONS) {
    const { countries, payment_providers, fulfillment_providers, ...columns } = region;
    await upsertRows(manager, 'catalog.region', [{ ...columns, deleted_at: null }]);
    await upsertRows(
      manager,
      'catalog.country',
      countries.map((country) => ({ ...countryRow(country), region_id: region.id })),
    );
    await replaceLinks(
      manager,
      'catalog.region_payment_providers',
      'region_id',
      region.id,
      'provider_id',
      payment_providers,
    );
    await replaceLinks(
      manager,
      'catalog.region_fulfillment_providers',
      'region_id',
      region.id,
      'provider_id',
      fulfillment_providers,
    );
  }
  // No region_id here: an upsert must not take a country back from a region created since.
  await upsertRows(manager, 'catalog.country', UNASSIGNED_COUNTRIES.map(countryRow));
}

async function upsertTaxonomy(manager: EntityManager): Promise<void> {
  await upsertRows(manager, 'catalog.shipping_profile', [
    { id: demoIds.profile('default'), name: 'Default Shipping Profile', type: 'default' },
    { id: demoIds.profile('gift_card'), name: 'Gift Card Profile', type: 'gift_card' },
  ]);
  await upsertRows(
    manager,
    'catalog.product_collection',
    DEMO_COLLECTIONS.map(({ handle, title }) => ({ id: demoIds.collection(handle), handle, title })),
  );
  await upsertRows(
    manager,
    'catalog.product_type',
    DEMO_TYPES.map((value) => ({ id: demoIds.type(value), value })),
  );
  await upsertRows(
    manager,
    'catalog.product_tag',
    DEMO_TAGS.map((value) => ({ id: demoIds.tag(value), value })),
  );
  const ranks = new Map<string | null, number>();
  for (const [handle, name, parent, internal] of DEMO_CATEGORIES) {
    const rank = ranks.get(parent) ?? 0;
    ranks.set(parent, rank + 1);
    const id = demoIds.category(handle);
    const mpath = parent ? `${demoIds.category(parent)}.${id}` : id;
    await upsertRows(manager, 'catalog.product_category', [
      {
        id,
        name,
        handle,
        description: `${name} from the demo shop`,
        mpath,
        is_active: true,
        is_internal: internal,
        rank,
        parent_category_id: parent ? demoIds.category(parent) : null,
      },
    ]);
  }
}

/** Fixed creation dates, a day apart in the order of DEMO_PRODUCTS: listings are stable and meaningful. */
function launchedAt(index: number): Date {
  return new Date(Date.UTC(2026, 0, 5, 9) + index * 24 * 3600 * 1000);
}

async function upsertProduct(manager: EntityManager, product: DemoProduct, createdAt: Date): Promise<void> {
  const id = demoIds.product(product.handle);
  await upsertRows(manager, 'catalog.product', [
    {
      id,
      title: product.title,
      subtitle: product.subtitle,
      description: product.description,
      handle: product.handle,
      is_giftcard: product.is_giftcard ?? false,
      status: 'published',
      thumbnail: product.images[0],
      weight: product.weight,
      material: product.material,
      origin_country: product.origin_country,
      collection_id: product.collection ? demoIds.collection(product.collection) : null,
      type_id: demoIds.type(product.type),
      profile_id: demoIds.profile(product.is_giftcard ? 'gift_card' : 'default'),
      discountable: !product.is_giftcard,
      created_at: createdAt,
      updated_at: createdAt,
      deleted_at: null,
    },
  ]);
  await upsertRows(
    manager,
    'catalog.image',
    product.images.map((url) => ({ id: demoIds.image(url), url })),
  );
  await replaceLinks(
    manager,
    'catalog.product_images',
    'product_id',
    id,
    'image_id',
    product.images.map(demoIds.image),
  );
  await manager.query(
    'UPDATE catalog.product_images SET rank = array_position($2::text[], image_id) WHERE product_id = $1',
    [id, product.images.map(demoIds.image)],
  );
  await replaceLinks(
    manager,
    'catalog.product_tags',
    'product_id',
    id,
    'product_tag_id',
    product.tags.map(demoIds.tag),
  );
  await replaceLinks(
    manager,
    'catalog.product_category_product',
    'product_id',
    id,
    'product_category_id',
    product.categories.map(demoIds.category),
  );
  await upsertRows(
    manager,
    'catalog.product_option',
    product.options.map((option, rank) => ({
      id: demoIds.option(product.handle, option.title),
      title: option.title,
      product_id: id,
      rank,
    })),
  );
  for (const [rank, variant] of product.variants.entries()) {
    await upsertVariant(manager, product, id, rank, variant, new Date(createdAt.getTime() + rank * 1000));
  }
}

async function upsertVariant(
  manager: EntityManager,
  product: DemoProduct,
  productId: string,
  rank: number,
  variant: DemoProduct['variants'][number],
  createdAt: Date,
): Promise<void> {
  const id = demoIds.variant(variant.sku);
  await upsertRows(manager, 'catalog.product_variant', [
    {
      id,
      title: variant.options.join(' / '),
      product_id: productId,
      sku: variant.sku,
      variant_rank: rank,
      allow_backorder: variant.allow_backorder ?? false,
      manage_inventory: variant.manage_inventory ?? true,
      weight: product.weight,
      material: product.material,
      origin_country: product.origin_country,
      created_at: createdAt,
      updated_at: createdAt,
      deleted_at: null,
    },
  ]);
  await upsertRows(
    manager,
    'catalog.product_option_value',
    product.options.map((option, index) => ({
      id: demoIds.optionValue(variant.sku, option.title),
      value: variant.options[index],
      option_id: demoIds.option(product.handle, option.title),
      variant_id: id,
    })),
  );
  const prices = [
    {
      key: `${variant.sku}/eur`,
      currency_code: 'eur',
      amount: variant.price.eur,
      min_quantity: null as number | null,
    },
    { key: `${variant.sku}/cny`, currency_code: 'cny', amount: variant.price.cny, min_quantity: null },
  ];
  if (product.tier) {
    const [min, price] = product.tier;
    prices.push({
      key: `${variant.sku}/eur/${min}+`,
      currency_code: 'eur',
      amount: price.eur,
      min_quantity: min,
    });
    prices.push({
      key: `${variant.sku}/cny/${min}+`,
      currency_code: 'cny',
      amount: price.cny,
      min_quantity: min,
    });
  }
  for (const regional of DEMO_REGION_PRICES.filter((entry) => entry.product === product.handle)) {
    await upsertRows(manager, 'catalog.money_amount', [
      {
        id: demoIds.price(`${variant.sku}/${regional.region}`),
        currency_code: 'eur',
        amount: regional.amount,
        min_quantity: null,
        region_id: REGION_ID[regional.region],
        variant_id: id,
      },
    ]);
  }
  await upsertRows(
    manager,
    'catalog.money_amount',
    prices.map(({ key, ...price }) => ({
      id: demoIds.price(key),
      ...price,
      region_id: null,
      variant_id: id,
    })),
  );
  await upsertRows(
    manager,
    'catalog.inventory_level',
    [{ variant_id: id, stocked_quantity: variant.stock ?? 100 }],
    {
      conflict: ['variant_id'],
      keep: ['stocked_quantity'],
    },
  );
}

async function upsertPriceLists(manager: EntityManager): Promise<void> {
  for (const list of DEMO_PRICE_LISTS) {
    const id = demoIds.priceList(list.key);
    await upsertRows(manager, 'catalog.price_list', [
      {
        id,
        name: list.name,
        description: list.description,
        type: list.type,
        status: list.status,
        starts_at: list.ended ? new Date('2025-06-01T00:00:00Z') : null,
        ends_at: list.ended ? new Date('2025-06-02T00:00:00Z') : null,
      },
    ]);
    await replaceLinks(
      manager,
      'catalog.price_list_customer_groups',
      'price_list_id',
      id,
      'customer_group_id',
      list.customer_group_id ? [list.customer_group_id] : [],
    );
    const product = DEMO_PRODUCTS.find((candidate) => candidate.handle === list.product);
    for (const variant of product?.variants ?? []) {
      await upsertRows(
        manager,
        'catalog.money_amount',
        (['eur', 'cny'] as const).map((currency) => ({
          id: demoIds.price(`${list.key}/${variant.sku}/${currency}`),
          currency_code: currency,
          amount: list.price[currency],
          price_list_id: id,
          region_id: null,
          variant_id: demoIds.variant(variant.sku),
        })),
      );
    }
  }
}

async function upsertShippingOptions(manager: EntityManager): Promise<void> {
  for (const option of DEMO_SHIPPING_OPTIONS) {
    const id = demoIds.shippingOption(option.key);
    await upsertRows(manager, 'catalog.shipping_option', [
      {
        id,
        name: option.name,
        region_id: REGION_ID[option.region],
        profile_id: demoIds.profile(option.profile),
        provider_id: 'manual',
        price_type: 'flat_rate',
        amount: option.amount,
        is_return: option.is_return ?? false,
        admin_only: option.admin_only ?? false,
        data: {},
        deleted_at: null,
      },
    ]);
    await manager.query('DELETE FROM catalog.shipping_option_requirement WHERE shipping_option_id = $1', [
      id,
    ]);
    const requirements = [
      ...(option.min_subtotal !== undefined ? [{ type: 'min_subtotal', amount: option.min_subtotal }] : []),
      ...(option.max_subtotal !== undefined ? [{ type: 'max_subtotal', amount: option.max_subtotal }] : []),
    ];
    await upsertRows(
      manager,
      'catalog.shipping_option_requirement',
      requirements.map((requirement) => ({
        id: demoId('sor', `${option.key}/${requirement.type}`),
        shipping_option_id: id,
        ...requirement,
      })),
    );
  }
}

/** Makes the link table hold exactly `targets` for `owner`. */
async function replaceLinks(
  manager: EntityManager,
  table: string,
  ownerColumn: string,
  owner: string,
  targetColumn: string,
  targets: string[],
): Promise<void> {
  await manager.query(`DELETE FROM ${table} WHERE ${ownerColumn} = $1`, [owner]);
  if (targets.length) {
    await manager.query(
      `INSERT INTO ${table} (${ownerColumn}, ${targetColumn}) SELECT $1, unnest($2::text[])`,
      [owner, targets],
    );
  }
}

function countryRow([iso_2, iso_3, num_code, display_name]: [string, string, number, string]) {
  return { id: num_code, iso_2, iso_3, num_code, name: display_name.toUpperCase(), display_name };
}

function installed(id: string) {
  return { id, is_installed: true };
}
