import { Injectable } from '@nestjs/common';
import { DEFAULT_REGION_PAGE_SIZE, ListRegionsQuery, Region, RegionList, RegionReply } from '@app/contracts';
import { DomainError, PreparedStatements } from '@app/platform';
import { regionByIdQuery, regionCountQuery, regionPageQuery } from './region.queries';

/** Reads regions with the relations Medusa's store routes load: countries and providers. */
@Injectable()
export class RegionService {
  constructor(private readonly db: PreparedStatements) {}

  /** A page of live regions, oldest first, optionally filtered by creation and update dates. */
  async list(query: ListRegionsQuery): Promise<RegionList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_REGION_PAGE_SIZE;
    const [rows, [{ count }]] = await Promise.all([
      this.db.rows<{ region: Region }>(regionPageQuery(query, offset, limit)),
      this.db.rows<{ count: number }>(regionCountQuery(query)),
    ]);
    return { regions: rows.map((row) => row.region), count, offset, limit };
  }

  /** One live region; `not_found`, worded as Medusa words it, when there is none. */
  async retrieve(id: string): Promise<RegionReply> {
    const [row] = await this.db.rows<{ region: Region }>(regionByIdQuery(id));
    if (!row) throw DomainError.notFound(`Region with ${id} was not found`);
    return { region: row.region };
  }
}
