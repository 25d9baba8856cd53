import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';

/** What an app that owns data tells the platform about it. */
export interface DatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /**
   * Runs after the migrations, under their lock, at every start: brings configured rows in line
   * (the first admin, merchant endpoints). Must be idempotent (fixed ids, upserts).
   */
  afterMigrations?: (dataSource: DataSource) => Promise<void>;
  /**
   * Seeds the app's part of the demo store when its tables are empty, after `afterMigrations`, only
   * with `DEMO_DATA=true` (the default outside production), with the app's providers at hand (`modules`).
   * Must be idempotent.
   */
  seedDemo?: (dataSource: DataSource, modules: ModuleRef) => Promise<void>;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
