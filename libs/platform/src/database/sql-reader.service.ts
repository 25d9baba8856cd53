import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { SqlQuery } from './sql-builder';

/**
 * Runs an app's read statements on the pool directly. Each distinct statement text is a named
 * prepared statement, so Postgres plans it once per connection, however many shapes the filters
 * produce.
 */
@Injectable()
export class SqlReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async rows<T>(query: SqlQuery): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const name =
      query.name ?? `${this.config.app}_${createHash('sha1').update(query.text).digest('hex').slice(0, 20)}`;
    return (await pool.query({ name, text: query.text, values: query.values })).rows as T[];
  }
}
