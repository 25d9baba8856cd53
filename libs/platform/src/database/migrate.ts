import { DataSource } from 'typeorm';
import { quoteIdentifier } from './create-database';

/** First key of every migration advisory lock; the second is the schema's hash. */
const MIGRATION_LOCK_NAMESPACE = 7_301_001;

/**
 * Creates the app's schema if missing and runs its pending migrations, each in its own
 * transaction, while holding a Postgres advisory lock for that schema, so that replicas starting
 * together migrate once, one after the other. Then runs `afterMigrations` under the same lock.
 */
export async function migrateSchema(
  dataSource: DataSource,
  schema: string,
  afterMigrations?: () => Promise<void>,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, schema]);
    try {
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
