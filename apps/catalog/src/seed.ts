import 'reflect-metadata';
import { reseedDemoStore } from './demo/demo-reseed';

/** `npm run seed`: loads the catalog's demo store again (reference data comes with the migration). */
reseedDemoStore().then(
  () => process.stdout.write('catalog: demo store loaded\n'),
  (error: unknown) => {
    process.stderr.write(
      `catalog: seeding failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
