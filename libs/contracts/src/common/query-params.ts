import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from './pagination';

/** Medusa's `expand` and `fields` query parameters (comma separated). */
export class FindQuery {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  expand?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  fields?: string;
}

/** A Medusa list route's query: `expand`, `fields`, `order`, `offset`, `limit`. */
export class ListQuery extends FindQuery {
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

  @IsOptional()
  @IsString()
  @MaxLength(100)
  order?: string;
}

/**
 * Reads a list parameter as Medusa does (`id[]=a&id[]=b`, and `id[]=a,b` split on commas) and,
 * more leniently, a single `id=a` as a list of one.
 */
export function toList({ value }: { value: unknown }): unknown {
  if (typeof value === 'string') return value.split(',').filter(Boolean);
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') {
    return value[0].split(',').filter(Boolean);
  }
  return value;
}

/** Reads `true` / `false` query strings as booleans; anything else stays as given (and fails). */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** Both decorators of a list query parameter: `@ToList()` then `@IsString({ each: true })`. */
export const ToList = () => Transform(toList);
export const ToBoolean = () => Transform(toBoolean);
