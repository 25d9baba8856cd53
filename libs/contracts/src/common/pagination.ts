import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The largest page a list route serves. Medusa has no cap; we refuse absurd pages. */
export const MAX_PAGE_SIZE = 1000;

/** `offset` and `limit` as every Medusa list route takes them; `limit` defaults per route. */
export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

/** The pagination fields of a Medusa list response. */
export interface Page {
  count: number;
  offset: number;
  limit: number;
}
