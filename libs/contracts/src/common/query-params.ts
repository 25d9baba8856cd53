import { Transform, Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DateComparison } from './date-comparison';
import { Constructor, WithPage } from './pagination';

/** How many relations an `expand` and fields a `fields` list may name (Medusa sets no limit). */
export const MAX_EXPAND_ENTRIES = 30;
export const MAX_FIELDS_ENTRIES = 100;

/** A comma separated list of at most `max` entries. */
export function IsCommaList(max: number): PropertyDecorator {
  return Matches(new RegExp(`^[^,]*(?:,[^,]*){0,${max - 1}}$`), {
    message: ({ property }) => `${property} may name at most ${max} entries`,
  });
}

/** Medusa's `expand` and `fields` query parameters (comma separated). */
export class FindQuery {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsCommaList(MAX_EXPAND_ENTRIES)
  expand?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsCommaList(MAX_FIELDS_ENTRIES)
  fields?: string;
}

/** `expand`, `fields`, `offset` and `limit`. */
export class PagedFindQuery extends WithPage(FindQuery) {}

/** A Medusa list route's query: `expand`, `fields`, `order`, `offset`, `limit`. */
export class ListQuery extends PagedFindQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  order?: string;
}

/** Adds Medusa's `created_at` / `updated_at` range filters (`created_at[gt]=2024-01-01`). */
export function WithDateRanges<Base extends Constructor>(base: Base) {
  class DateRanged extends base {
    @IsOptional()
    @ValidateNested()
    @Type(() => DateComparison)
    created_at?: DateComparison;

    @IsOptional()
    @ValidateNested()
    @Type(() => DateComparison)
    updated_at?: DateComparison;
  }
  return DateRanged;
}

/** Adds Medusa's price selection of store reads: in a region (with its taxes) or a currency. */
export function WithPriceSelection<Base extends Constructor>(base: Base) {
  class PriceSelected extends base {
    @IsOptional()
    @IsString()
    @MaxLength(100)
    region_id?: string;

    @IsOptional()
    @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
    currency_code?: string;

    /** Price as for this cart (its region and customer); the gateway resolves it to a region. */
    @IsOptional()
    @IsString()
    @MaxLength(100)
    cart_id?: string;
  }
  return PriceSelected;
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

/** A list query parameter: `@ToList()` then `@IsString({ each: true })`. */
/** A number or a string sent for a text field (seed clients send ids and amounts either way), as text. */
export function toText({ value }: { value: unknown }): unknown {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : value;
}

export const ToList = () => Transform(toList);
export const ToBoolean = () => Transform(toBoolean);
