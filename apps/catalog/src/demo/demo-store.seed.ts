import { ModuleRef } from '@nestjs/core';
import { DEMO_PUBLISHABLE_KEY } from '@app/contracts';
import { upsertRows } from '@app/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogImport } from '../import/catalog-import.service';
import { replaceLinks } from '../sql/row-writes';

/**
 * The demo store, as a catalog document like any merchant's (`demo-store.catalog.json`): a small
 * apparel and homeware shop selling in Europe (EUR) and China (CNY). Its entries carry fixed ids,
 * so that every machine seeds the same records and storefronts, tests and the other apps' demo data
 * can refer to them (`DemoVariantIds`… in libs/contracts).
 */
export function demoStoreDocument(): string {
  return readFileSync(join(__dirname, 'demo-store.catalog.json'), 'utf8');
}

/** `DEMO_DATA=true`: imports the demo store when the catalog has no products yet (under the migration lock). */
export async function seedDemoStoreWhenEmpty(dataSource: DataSource, modules: ModuleRef): Promise<void> {
  const [{ products }] = await dataSource.query('SELECT count(*)::int AS products FROM catalog.product');
  if (products === 0) await loadDemoStore(dataSource, modules.get(CatalogImport, { strict: false }));
}

/**
 * Imports the demo document and sets up the demo's publishable key. `force` loads every entry again
 * (`npm run seed`): demo records a merchant edited are put back, everything else is left alone.
 */
export async function loadDemoStore(
  dataSource: DataSource,
  catalogImport: CatalogImport,
  { force = false }: { force?: boolean } = {},
): Promise<void> {
  const report = await catalogImport.run(demoStoreDocument(), { force });
  if (report.refused.length) {
    const reasons = report.refused.map((refusal) => `line ${refusal.line}: ${refusal.reason}`);
    throw new Error(`The demo store document was refused: ${reasons.join('; ')}`);
  }
  await dataSource.transaction((manager) => upsertDemoKey(manager));
}

/** The demo publishable key scopes a storefront to the default sales channel, where every demo product is sold. */
async function upsertDemoKey(manager: EntityManager): Promise<void> {
  const [{ id: channel }] = await manager.query('SELECT id FROM catalog.sales_channel WHERE is_default');
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
