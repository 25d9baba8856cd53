import { DataSource } from 'typeorm';
import { quoteIdentifier } from './create-database';

/** The schema has migrations not run yet, and this app does not run them (MIGRATE_ON_START=false). */
export class MigrationsPending extends Error {
  constructor(schema: string) {
    super(`the ${schema} schema has migrations not run yet: run the migrate job (main.js --migrate)`);
  }
}

/** First key of every migration advisory lock; the second is the schema's hash. */
const MIGRATION_LOCK_NAMESPACE = 7_301_001;

/**
 * Creates the app's schema if missing and runs its pending migrations, each in its own
 * transaction, while holding a Postgres advisory lock for that schema, so that replicas starting
 * together migrate once, one after the other. Then runs `afterMigrations` under the same lock.
 * With `migrate: false` it runs no DDL: it refuses while migrations are pending (MigrationsPending).
 */
export async function migrateSchema(
  dataSource: DataSource,
  schema: string,
  afterMigrations?: () => Promise<void>,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, schema]);
    try {
      if (!migrate) {
        // Another process migrates (the migrate job): this one waits until nothing is pending.
        if (await dataSource.showMigrations()) throw new MigrationsPending(schema);
        await afterMigrations?.();
        return [];
      }
      await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      await afterMigrations?.();
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, schema]);
    }
  } finally {
    await runner.release();
  }
}
