import { upsertRows } from '@app/platform';
import { EntityManager } from 'typeorm';
import { demoIds } from './demo-ids';
import { DEMO_CATEGORIES, DEMO_COLLECTIONS, DEMO_TAGS, DEMO_TYPES, DemoProduct } from './demo-products';
import { DEMO_REGION_PRICES } from './demo-offers';
import { REGION_ID, replaceLinks } from './demo-links';

/** Shipping profiles, collections, types, tags and the category tree of the demo shop. */
export async function upsertTaxonomy(manager: EntityManager): Promise<void> {
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
export function launchedAt(index: number): Date {
  return new Date(Date.UTC(2026, 0, 5, 9) + index * 24 * 3600 * 1000);
}

export async function upsertProduct(
  manager: EntityManager,
  product: DemoProduct,
  createdAt: Date,
): Promise<void> {
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
