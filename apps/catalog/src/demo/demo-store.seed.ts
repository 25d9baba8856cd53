import { DEMO_PUBLISHABLE_KEY } from '@app/contracts';
import { upsertRows } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { launchedAt, upsertProduct, upsertTaxonomy } from './demo-catalog.seed';
import { replaceLinks } from './demo-links';
import {
  insertPresaleOffers,
  upsertLevelPriceLists,
  upsertPriceLists,
  upsertShippingOptions,
} from './demo-offers.seed';
import { DEMO_PRODUCTS } from './demo-products';
import { DEMO_REGIONS } from './demo-regions';
import { countryRow } from '../reference/reference-data';

import { demoIds } from './demo-ids';

export { demoIds };

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
    for (const [index, product] of DEMO_PRODUCTS.entries()) {
      await upsertProduct(manager, product, launchedAt(index));
    }
    await upsertPriceLists(manager);
    await upsertLevelPriceLists(manager);
    await upsertShippingOptions(manager);
    await insertPresaleOffers(manager);
    await sellInDefaultChannel(manager);
  });
}

/**
 * Every demo product is sold in the store's default sales channel, and the demo publishable key
 * scopes a storefront to that channel.
 */
async function sellInDefaultChannel(manager: EntityManager): Promise<void> {
  const [{ id: channel }] = await manager.query('SELECT id FROM catalog.sales_channel WHERE is_default');
  await manager.query(
    `INSERT INTO catalog.product_sales_channel (product_id, sales_channel_id)
     SELECT id, $2 FROM unnest($1::text[]) AS id ON CONFLICT DO NOTHING`,
    [DEMO_PRODUCTS.map((product) => demoIds.product(product.handle)), channel],
  );
  await upsertRows(manager, 'catalog.publishable_api_key', [
    { id: DEMO_PUBLISHABLE_KEY, title: 'Demo storefront', revoked_at: null, revoked_by: null },
  ]);
  await replaceLinks(
    manager,
    'catalog.publishable_api_key_sales_channel',
    'publishable_key_id',
    DEMO_PUBLISHABLE_KEY,
    'sales_channel_id',
    [channel],
  );
}

async function upsertRegions(manager: EntityManager): Promise<void> {
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
}
