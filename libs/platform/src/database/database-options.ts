import { DataSource } from 'typeorm';

/** What an app that owns data tells the platform about it. */
export interface DatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /**
   * Runs after the migrations, under their lock, at every start: seeds the demo data when the
   * tables are empty, or brings configured rows in line. Must be idempotent (fixed ids, upserts).
   */
  afterMigrations?: (dataSource: DataSource) => Promise<void>;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
