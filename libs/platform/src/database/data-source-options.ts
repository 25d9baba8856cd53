import { DataSourceOptions } from 'typeorm';
import { PlatformConfig } from '../config/platform-config';
import { DatabaseOptions } from './database-options';
import { OutboxClaims1767230000000 } from './outbox-claims.migration';
import { OutboxNotifyIds1767230300000 } from './outbox-notify-ids.migration';
import { PlatformTables1767225500000 } from './platform-tables.migration';

/**
 * How every app talks to Postgres: its own schema (tables and the migrations table), the platform's
 * tables (outbox, inbox, dead letters, idempotency keys) as its first migration, migrations run by
 * the platform at start (never `synchronize`); the platform's later changes to its tables come last;
 * a bounded pool with a connect timeout; prepared statements planned once.
 */
export function dataSourceOptions(config: PlatformConfig, database: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.app,
    migrationsTableName: 'migrations',
    entities: database.entities,
    migrations: [
      PlatformTables1767225500000,
      ...database.migrations,
      OutboxClaims1767230000000,
      OutboxNotifyIds1767230300000,
    ],
    migrationsRun: false,
    synchronize: false,
    poolSize: config.databasePoolSize,
    applicationName: `svc-${config.app}`,
    // Named statements (PreparedStatements) are planned once per connection: the generic plan, never
    // one per call (their texts are lookups by key, where the generic plan is the custom one).
    extra: { connectionTimeoutMillis: 3_000, options: '-c plan_cache_mode=force_generic_plan' },
  };
}
