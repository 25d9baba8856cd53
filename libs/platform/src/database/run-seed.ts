import { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppName } from '../config/app-name';
import { loadPlatformConfig } from '../config/platform-config';
import { ensureDatabaseExists } from './create-database';
import { dataSourceOptions } from './data-source-options';
import { DatabaseOptions } from './database-options';
import { DatabaseBootstrap } from './database-bootstrap.service';
import { migrateSchema } from './migrate';

/**
 * `npm run seed` for one app: migrates its schema if needed, then upserts its demo data by fixed
 * ids under the migration lock, whether or not the tables are empty.
 */
export async function runSeed(
  app: AppName,
  database: DatabaseOptions,
  upsert: (dataSource: DataSource) => Promise<void>,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const config = loadPlatformConfig(app, env);
  await ensureDatabaseExists(config.databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(config, database));
  await dataSource.initialize();
  try {
    await migrateSchema(dataSource, app, () => upsert(dataSource));
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `npm run seed` for an app whose demo data goes through its own services: builds the app's module
 * (neither HTTP nor NATS is started), brings its database up as the app would (created, migrated),
 * then calls `upsert` with the app's providers.
 */
export async function runAppSeed(
  module: DynamicModule,
  upsert: (app: INestApplicationContext) => Promise<void>,
): Promise<void> {
  const app = await NestFactory.createApplicationContext(module, { logger: ['error', 'warn'] });
  try {
    await app.get(DatabaseBootstrap, { strict: false }).start();
    await upsert(app);
  } finally {
    await app.close();
  }
}
