import { runAppSeed } from '@app/platform';
import { DataSource } from 'typeorm';
import { CatalogModule } from '../catalog.module';
import { CatalogImport } from '../import/catalog-import.service';
import { loadDemoStore } from './demo-store.seed';

/**
 * `npm run seed` for the catalog: migrates, then loads every entry of the demo document again through
 * the catalog's own writes (their events go out with the next relay), so demo records a merchant
 * edited are put back and everything else is left alone.
 */
export function reseedDemoStore(env: Record<string, string | undefined> = process.env): Promise<void> {
  const module = CatalogModule.forRoot({ ...env, DEMO_DATA: 'false', MIGRATE_ON_START: 'true' });
  return runAppSeed(module, (app) =>
    loadDemoStore(app.get(DataSource), app.get(CatalogImport, { strict: false }), { force: true }),
  );
}
