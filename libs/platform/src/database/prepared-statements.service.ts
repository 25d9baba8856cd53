import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { SqlQuery } from './sql-builder';

/**
 * Runs an app's statements on the pool directly, each distinct text as a named prepared statement:
 * Postgres parses it once per connection, however many shapes the filters or a change's parts
 * produce, and (`plan_cache_mode`, see `dataSourceOptions`) plans it once too.
 */
@Injectable()
export class PreparedStatements {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  /**
   * The statement's rows, as a named prepared statement: on the pool, or on the connection of
   * `manager`'s transaction (reading what it wrote).
   */
  async rows<T>(query: SqlQuery, manager?: EntityManager): Promise<T[]> {
    const name =
      query.name ?? `${this.config.app}_${createHash('sha1').update(query.text).digest('hex').slice(0, 20)}`;
    const prepared = { name, text: query.text, values: query.values };
    if (manager?.queryRunner) {
      const connection = (await manager.queryRunner.connect()) as PoolClient;
      return (await connection.query(prepared)).rows as T[];
    }
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await pool.query(prepared)).rows as T[];
  }
}
