import { ModuleRef } from '@nestjs/core';
import { DEMO_PUBLISHABLE_KEY, DemoProductIds } from '@app/contracts';
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

/** The import entry that marks the demo store loaded whole. */
const DEMO_MARK = { section: 'demo', key: 'store' } as const;

/**
 * `DEMO_DATA=true` (under the migration lock): imports the demo store into an empty catalog, and
 * finishes a demo import that was cut short (a crash halfway left some demo products and no mark of
 * completion: the import loads what is missing, the entries already loaded change nothing). A demo
 * store once complete is never loaded again at start: the merchant's edits stay.
 */
export async function seedDemoStoreWhenEmpty(dataSource: DataSource, modules: ModuleRef): Promise<void> {
  const [{ products, demo, complete }] = await dataSource.query(
    `SELECT count(*)::int AS products, count(*) FILTER (WHERE id = ANY($1))::int AS demo,
       EXISTS (SELECT 1 FROM catalog.import_entry WHERE section = $2 AND key = $3) AS complete
     FROM catalog.product`,
    [Object.values(DemoProductIds), DEMO_MARK.section, DEMO_MARK.key],
  );
  if (complete || (products > 0 && demo === 0)) return;
  await loadDemoStore(dataSource, modules.get(CatalogImport, { strict: false }));
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
  await dataSource.transaction(async (manager) => {
    // Put back as the demo made it when forced; otherwise only made when missing (a key the
    // merchant revoked stays revoked).
    const [key] = await manager.query('SELECT 1 FROM catalog.publishable_api_key WHERE id = $1', [
      DEMO_PUBLISHABLE_KEY,
    ]);
    if (force || !key) await upsertDemoKey(manager);
    await manager.query(
      `INSERT INTO catalog.import_entry (section, key, digest) VALUES ($1, $2, '')
       ON CONFLICT (section, key) DO UPDATE SET loaded_at = now()`,
      [DEMO_MARK.section, DEMO_MARK.key],
    );
  });
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
