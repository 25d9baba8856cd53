import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The largest page a list route serves. Medusa has no cap; we refuse absurd pages. */
export const MAX_PAGE_SIZE = 1000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Constructor<T = object> = new (...args: any[]) => T;

/** Adds `offset` and `limit`, as every Medusa list route takes them (`limit` defaults per route). */
export function WithPage<Base extends Constructor>(base: Base) {
  class Paged extends base {
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(0)
    // An integer still, and one the database's bigint holds (1e149 passes IsInt).
    @Max(Number.MAX_SAFE_INTEGER)
    offset?: number;

    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(0)
    @Max(MAX_PAGE_SIZE)
    limit?: number;
  }
  return Paged;
}

/** `offset` and `limit` alone. */
export class PageQuery extends WithPage(class {}) {}

/** The pagination fields of a Medusa list response. */
export interface Page {
  count: number;
  offset: number;
  limit: number;
}
