import 'reflect-metadata';
import { runSeed } from '@app/platform';
import { CATALOG_ENTITIES, CATALOG_MIGRATIONS } from './catalog.schema';
import { upsertDemoStore } from './demo/demo-store.seed';
import { upsertReferenceData } from './reference/reference-data';

/** `npm run seed`: upserts the catalog's reference data and demo store. */
runSeed('catalog', { entities: CATALOG_ENTITIES, migrations: CATALOG_MIGRATIONS }, async (dataSource) => {
  await upsertReferenceData(dataSource);
  await upsertDemoStore(dataSource);
}).then(
  () => process.stdout.write('catalog: demo store upserted\n'),
  (error: unknown) => {
    process.stderr.write(
      `catalog: seeding failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
