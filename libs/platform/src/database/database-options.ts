import { DataSource } from 'typeorm';

/** What an app that owns data tells the platform about it. */
export interface DatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** Seeds the demo data when the app's tables are empty; must be idempotent (fixed ids). */
  seedWhenEmpty?: (dataSource: DataSource) => Promise<void>;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
