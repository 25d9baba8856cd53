import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_REGION_PAGE_SIZE, ListRegionsQuery, Region, RegionList, RegionReply } from '@app/contracts';
import { DomainError } from '@app/platform';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { regionByIdQuery, regionCountQuery, regionPageQuery, SqlQuery } from './region.queries';

/** Reads regions with the relations Medusa's store routes load: countries and providers. */
@Injectable()
export class RegionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of live regions, oldest first, optionally filtered by creation and update dates. */
  async list(query: ListRegionsQuery): Promise<RegionList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_REGION_PAGE_SIZE;
    const [rows, counted] = await Promise.all([
      this.rows<{ region: Region }>(regionPageQuery(query, offset, limit)),
      this.rows<{ count: number }>(regionCountQuery(query)),
    ]);
    return { regions: rows.map((row) => row.region), count: counted[0].count, offset, limit };
  }

  /** One live region; `not_found`, worded as Medusa words it, when there is none. */
  async retrieve(id: string): Promise<RegionReply> {
    const [row] = await this.rows<{ region: Region }>(regionByIdQuery(id));
    if (!row) throw DomainError.notFound(`Region with ${id} was not found`);
    return { region: row.region };
  }

  /** Runs a read on the pool directly: named statements are prepared once per connection. */
  private async rows<T>(query: SqlQuery): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await pool.query(query)).rows as T[];
  }
}
