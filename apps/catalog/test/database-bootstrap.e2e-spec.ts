import { CatalogCommands, DemoRegionIds } from '@app/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { CATALOG_MIGRATIONS } from '../src/catalog.schema';
import { reseedDemoStore } from '../src/demo/demo-reseed';
import { demoStoreDocument } from '../src/demo/demo-store.seed';
import { createTestEnvironment } from '../../../test/support/test-environment';

async function query<T>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('catalog: database bootstrap', () => {
  it('creates the database, migrates its own schema once under a lock, and seeds once, with replicas starting together', async () => {
    const env = await createTestEnvironment({ apps: [], freshDatabase: true });
    const databaseUrl = env.env.DATABASE_URL as string;
    const replicas = await Promise.all([
      createTestEnvironment({ apps: ['catalog'], env: { DATABASE_URL: databaseUrl } }),
      createTestEnvironment({ apps: ['catalog'], env: { DATABASE_URL: databaseUrl } }),
    ]);
    try {
      const migrations = await query<{ name: string }>(
        databaseUrl,
        'SELECT name FROM catalog.migrations ORDER BY id',
      );
      // Run in the order of their timestamps, the platform's among the catalog's own.
      const stamp = (name: string) => Number(name.slice(-13));
      expect(migrations.map((row) => row.name)).toEqual(
        [
          'PlatformTables1767225500000',
          ...CATALOG_MIGRATIONS.map((migration) => migration.name),
          'OutboxClaims1767230000000',
          'OutboxNotifyIds1767230300000',
        ].sort((a, b) => stamp(a) - stamp(b)),
      );
      const tables = await query<{ table_schema: string }>(
        databaseUrl,
        "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'region'",
      );
      expect(tables).toEqual([{ table_schema: 'catalog' }]);
      const regions = await query<{ id: string }>(databaseUrl, 'SELECT id FROM catalog.region ORDER BY id');
      expect(regions.map((row) => row.id)).toEqual([DemoRegionIds.europe, DemoRegionIds.china].sort());
      const answer = await replicas[0].commands.request(CatalogCommands.getRegion, {
        id: DemoRegionIds.europe,
      });
      expect(answer.region.name).toBe('Europe');
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
      await env.close();
    }
  });

  it('seeds only an empty catalog: edited demo data survives a restart', async () => {
    const first = await createTestEnvironment({ apps: ['catalog'], freshDatabase: true });
    const databaseUrl = first.env.DATABASE_URL as string;
    await query(databaseUrl, "UPDATE catalog.region SET name = 'Euro zone' WHERE id = $1", [
      DemoRegionIds.europe,
    ]);
    await query(databaseUrl, 'DELETE FROM catalog.region WHERE id = $1', [DemoRegionIds.china]);
    await first.stop('catalog');
    const second = await createTestEnvironment({ apps: ['catalog'], env: { DATABASE_URL: databaseUrl } });
    try {
      const list = await second.commands.request(CatalogCommands.listRegions, {});
      expect(list.regions.map((region) => [region.id, region.name])).toEqual([
        [DemoRegionIds.europe, 'Euro zone'],
      ]);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('finishes a demo import cut short at the next start, and leaves a merchant’s own catalog alone', async () => {
    // A catalog whose demo import stopped after its first two products.
    const first = await createTestEnvironment({
      apps: ['catalog'],
      freshDatabase: true,
      env: { DEMO_DATA: 'false' },
    });
    const databaseUrl = first.env.DATABASE_URL as string;
    const demo = JSON.parse(demoStoreDocument()) as { products: unknown[] } & Record<string, unknown>;
    // Sections load in the document's order: the store's set-up, then products, then the rest.
    const cutShort = { ...demo, products: demo.products.slice(0, 2), shipping_options: [], price_lists: [] };
    const partial = await first.commands
      .request(CatalogCommands.importCatalog, { document: JSON.stringify(cutShort) })
      .finally(() => first.stop('catalog'));
    expect(partial.refused).toEqual([]);
    const count = async () =>
      (
        await query<{ products: number; keys: number }>(
          databaseUrl,
          `SELECT (SELECT count(*)::int FROM catalog.product) AS products,
             (SELECT count(*)::int FROM catalog.publishable_api_key) AS keys`,
        )
      )[0];
    expect(await count()).toEqual({ products: 2, keys: 0 });

    const second = await createTestEnvironment({ apps: ['catalog'], env: { DATABASE_URL: databaseUrl } });
    try {
      expect(await count()).toEqual({ products: demo.products.length, keys: 1 });
    } finally {
      await second.close();
      await first.close();
    }

    // A catalog the merchant stocked (none of the demo's products) gets no demo, DEMO_DATA or not.
    const merchant = await createTestEnvironment({
      apps: ['catalog'],
      freshDatabase: true,
      env: { DEMO_DATA: 'false' },
    });
    const merchantUrl = merchant.env.DATABASE_URL as string;
    try {
      await merchant.commands.request(CatalogCommands.importCatalog, {
        document: readFileSync(join(__dirname, '../../../examples/tea-shop.catalog.json'), 'utf8'),
      });
      const before = await query(merchantUrl, 'SELECT id FROM catalog.product ORDER BY id');
      await merchant.stop('catalog');
      await merchant.start('catalog', { DEMO_DATA: 'true' });
      expect(await query(merchantUrl, 'SELECT id FROM catalog.product ORDER BY id')).toEqual(before);
    } finally {
      await merchant.close();
    }
  });

  it('production seeds no demo store (DEMO_DATA off): an empty catalog with its default sales channel', async () => {
    const env = await createTestEnvironment({
      apps: ['catalog'],
      freshDatabase: true,
      env: { NODE_ENV: 'production', DEMO_DATA: undefined, MIGRATE_ON_START: 'true', NATS_PASSWORD: 'x' },
    });
    try {
      const databaseUrl = env.env.DATABASE_URL as string;
      const [{ products, regions }] = await query<{ products: number; regions: number }>(
        databaseUrl,
        'SELECT (SELECT count(*)::int FROM catalog.product) AS products, (SELECT count(*)::int FROM catalog.region) AS regions',
      );
      expect({ products, regions }).toEqual({ products: 0, regions: 0 });
      const channels = await query<{ name: string }>(
        databaseUrl,
        'SELECT name FROM catalog.sales_channel WHERE is_default',
      );
      expect(channels).toEqual([{ name: 'Default Sales Channel' }]);
      const keys = await query(databaseUrl, 'SELECT id FROM catalog.publishable_api_key');
      expect(keys).toEqual([]);
    } finally {
      await env.close();
    }
  });

  it('without MIGRATE_ON_START (production) an app runs no DDL: it waits, not ready, until the migrate job ran', async () => {
    const empty = await createTestEnvironment({ apps: [], freshDatabase: true });
    const databaseUrl = empty.env.DATABASE_URL as string;
    const waiting = await createTestEnvironment({
      apps: ['catalog'],
      env: { DATABASE_URL: databaseUrl, MIGRATE_ON_START: 'false', STARTUP_RETRY_MAX_MS: '200' },
      waitReady: false,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const [{ tables }] = await query<{ tables: number }>(
        databaseUrl,
        "SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'catalog'",
      );
      expect(tables).toBe(0);
      const health = await fetch(`${waiting.url('catalog')}/health/ready`);
      expect(health.status).toBe(503);
      // The migrate job (here: an app that migrates) runs; the waiting app then becomes ready.
      const job = await createTestEnvironment({ apps: ['catalog'], env: { DATABASE_URL: databaseUrl } });
      await job.close();
      await waiting.app('catalog').ready;
      expect((await fetch(`${waiting.url('catalog')}/health/ready`)).status).toBe(200);
    } finally {
      await waiting.close();
      await empty.close();
    }
  });

  it('npm run seed upserts the demo store: restores edited demo records, keeps everything else', async () => {
    const env = await createTestEnvironment({ apps: ['catalog'], freshDatabase: true });
    const databaseUrl = env.env.DATABASE_URL as string;
    try {
      await query(databaseUrl, "UPDATE catalog.region SET name = 'Renamed' WHERE id = $1", [
        DemoRegionIds.europe,
      ]);
      await query(databaseUrl, 'DELETE FROM catalog.region_payment_providers WHERE region_id = $1', [
        DemoRegionIds.china,
      ]);
      await query(
        databaseUrl,
        "INSERT INTO catalog.region (id, name, currency_code) VALUES ('reg_merchant', 'Merchant', 'usd')",
      );
      await reseedDemoStore(env.env);
      const regions = await query<{ id: string; name: string }>(
        databaseUrl,
        'SELECT id, name FROM catalog.region ORDER BY name',
      );
      expect(regions).toEqual([
        { id: DemoRegionIds.china, name: 'China' },
        { id: DemoRegionIds.europe, name: 'Europe' },
        { id: 'reg_merchant', name: 'Merchant' },
      ]);
      const { region } = await env.commands.request(CatalogCommands.getRegion, { id: DemoRegionIds.china });
      expect(region.payment_providers.map((provider) => provider.id)).toEqual([
        'alipay',
        'cashier',
        'manual',
        'wechat',
      ]);
    } finally {
      await env.close();
    }
  });
});
