import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_REGION_PAGE_SIZE, ListRegionsQuery, RegionList, RegionReply } from '@app/contracts';
import { DomainError } from '@app/platform';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { regionByIdQuery, regionCountQuery, regionPageQuery, SqlQuery } from './region.queries';
import { RegionRow, regionToWire } from './region.wire';

/** Reads regions with the relations Medusa's store routes load: countries and providers. */
@Injectable()
export class RegionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of live regions, oldest first, optionally filtered by creation and update dates. */
  async list(query: ListRegionsQuery): Promise<RegionList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_REGION_PAGE_SIZE;
    const [rows, counted] = await Promise.all([
      this.rows<RegionRow>(regionPageQuery(query, offset, limit)),
      this.rows<{ count: number }>(regionCountQuery(query)),
    ]);
    return { regions: rows.map(regionToWire), count: counted[0].count, offset, limit };
  }

  /** One live region; `not_found`, worded as Medusa words it, when there is none. */
  async retrieve(id: string): Promise<RegionReply> {
    const [row] = await this.rows<RegionRow>(regionByIdQuery(id));
    if (!row) throw DomainError.notFound(`Region with ${id} was not found`);
    return { region: regionToWire(row) };
  }

  /** Runs a read on the pool directly: named statements are prepared once per connection. */
  private async rows<T>(query: SqlQuery): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await pool.query(query)).rows as T[];
  }
}
