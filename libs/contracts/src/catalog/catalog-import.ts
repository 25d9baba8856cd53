import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PRODUCT_STATUSES } from './admin-product.commands';
import { PRICE_LIST_STATUSES, PRICE_LIST_TYPES } from './price-list.commands';
import { CreateRegionRequest } from './catalog.commands';
import { ShippingRequirementInput } from './shipping.commands';

/**
 * The catalog document `npm run import` and `POST /admin/catalog/import` load: regions by name,
 * collections, categories and products by handle, variants by SKU, shipping options by region and
 * name, price lists by name. Entries refer to each other by those keys, never by id, so one document
 * stocks any store.
 *
 * An entry may also carry the `id` its record is created with (`prod_…`, `variant_…`): a document
 * that does seeds the same ids on every machine (the demo store's are fixed, and storefronts refer
 * to them). A record is then found by that id first, and by its key otherwise.
 */

const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HANDLE_MESSAGE = { message: 'handle must be lower-case words joined by hyphens' };
const DATE_OR_DAYS = /^(?:\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|P\d{1,4}D)$/;
const DATE_OR_DAYS_MESSAGE = { message: 'must be an ISO 8601 date or a number of days from the load (P7D)' };

/** An id the document fixes: `<prefix>_` and letters or digits. */
function fixedId(prefix: string) {
  return Matches(new RegExp(`^${prefix}_[0-9A-Za-z]{1,60}$`), {
    message: `id must be ${prefix}_ followed by letters or digits`,
  });
}

/** A region, matched by `name`: created, or its settings brought in line. */
export class ImportRegion extends CreateRegionRequest {
  @IsOptional() @fixedId('reg') id?: string;
}

/** A collection, matched by `handle`. */
export class ImportCollection {
  @IsOptional() @fixedId('pcol') id?: string;
  @IsString() @Length(1, 200) title!: string;
  @Matches(HANDLE, HANDLE_MESSAGE) handle!: string;
}

/** A category, matched by `handle`; `parent` is the handle of a category listed before it (or already in the store). */
export class ImportCategory {
  @IsOptional() @fixedId('pcat') id?: string;
  @IsString() @Length(1, 200) name!: string;
  @Matches(HANDLE, HANDLE_MESSAGE) handle!: string;
  @IsOptional() @Matches(HANDLE, HANDLE_MESSAGE) parent?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsBoolean() is_active?: boolean;
  @IsOptional() @IsBoolean() is_internal?: boolean;
  @IsOptional() @IsInt() @Min(0) rank?: number;
}

/** A product type, matched by `value` (a product's `type` names one; a new value makes one). */
export class ImportProductType {
  @IsOptional() @fixedId('ptyp') id?: string;
  @IsString() @Length(1, 200) value!: string;
}

/** A product tag, matched by `value` (a product's `tags` name them; a new value makes one). */
export class ImportProductTag {
  @IsOptional() @fixedId('ptag') id?: string;
  @IsString() @Length(1, 200) value!: string;
}

/** A price: in a currency, or in a region (by name, in the region's currency). */
export class ImportPrice {
  @IsOptional() @IsString() @Length(1, 200) region?: string;
  @IsOptional()
  @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
  currency_code?: string;
  @IsInt() @Min(0) @Max(1_000_000_000) amount!: number;
  @IsOptional() @IsInt() @Min(0) min_quantity?: number;
  @IsOptional() @IsInt() @Min(0) max_quantity?: number;
}

/**
 * A variant's presale offer. Each date is either ISO 8601 or a number of days after the entry is
 * loaded (`P7D`): a document can open a balance window a week after it stocks a store.
 */
export class ImportPresaleOffer {
  @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
  currency_code!: string;
  @IsInt() @Min(0) deposit_amount!: number;
  @IsInt() @Min(0) stock_limit!: number;
  @IsInt() @Min(1) buy_limit!: number;
  @IsOptional() @IsBoolean() deposit_refundable?: boolean;
  @Matches(DATE_OR_DAYS, DATE_OR_DAYS_MESSAGE) balance_opens_at!: string;
  @Matches(DATE_OR_DAYS, DATE_OR_DAYS_MESSAGE) balance_closes_at!: string;
  @IsOptional() @Matches(DATE_OR_DAYS, DATE_OR_DAYS_MESSAGE) expect_arrival_time?: string;
}

/** A variant, matched by `sku` within its product; `options` are its values in the product's option order. */
export class ImportVariant {
  @IsOptional() @fixedId('variant') id?: string;
  @IsString() @Length(1, 200) title!: string;
  @IsString() @Length(1, 100) sku!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) options?: string[];
  @ValidateNested({ each: true }) @Type(() => ImportPrice) @ArrayMaxSize(100) prices!: ImportPrice[];
  /** The stock a new variant starts with; an existing variant's stock is left to inventory adjustments. */
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) inventory_quantity?: number;
  @IsOptional() @IsBoolean() allow_backorder?: boolean;
  @IsOptional() @IsBoolean() manage_inventory?: boolean;
  @IsOptional() @ValidateNested() @Type(() => ImportPresaleOffer) presale?: ImportPresaleOffer;
}

/** A product, matched by `handle`, with its options, variants and links (by handle or value). */
export class ImportProduct {
  @IsOptional() @fixedId('prod') id?: string;
  @IsString() @Length(1, 500) title!: string;
  @Matches(HANDLE, HANDLE_MESSAGE) handle!: string;
  @IsOptional() @IsString() @MaxLength(500) subtitle?: string;
  @IsOptional() @IsString() @MaxLength(20_000) description?: string;
  @IsOptional() @IsIn(PRODUCT_STATUSES) status?: (typeof PRODUCT_STATUSES)[number];
  @IsOptional() @IsBoolean() discountable?: boolean;
  @IsOptional() @IsBoolean() is_giftcard?: boolean;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) images?: string[];
  @IsOptional() @IsString() thumbnail?: string;
  /** A collection's handle. */
  @IsOptional() @Matches(HANDLE, HANDLE_MESSAGE) collection?: string;
  /** Categories' handles. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(HANDLE, { each: true, ...HANDLE_MESSAGE })
  categories?: string[];
  @IsOptional() @IsString() @Length(1, 200) type?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) tags?: string[];
  /** Option titles, in order. */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) options?: string[];
  @ValidateNested({ each: true }) @Type(() => ImportVariant) @ArrayMaxSize(200) variants!: ImportVariant[];
  @IsOptional() @IsInt() @Min(0) weight?: number;
  @IsOptional() @IsString() material?: string;
  @IsOptional() @IsString() origin_country?: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** A flat-rate shipping option, matched by `region` (name) and `name`. */
export class ImportShippingOption {
  @IsOptional() @fixedId('so') id?: string;
  @IsString() @Length(1, 200) name!: string;
  @IsString() @Length(1, 200) region!: string;
  @IsInt() @Min(0) @Max(100_000_000) amount!: number;
  /** The region's first fulfillment provider when not given. */
  @IsOptional() @IsString() @MaxLength(100) provider_id?: string;
  @IsOptional() @IsBoolean() is_return?: boolean;
  @IsOptional() @IsBoolean() admin_only?: boolean;
  /** The store's shipping profile of this type that the option ships (`default` when not given). */
  @IsOptional() @IsIn(['default', 'gift_card']) profile?: 'default' | 'gift_card';
  /** What the fulfillment provider keeps on the option (Medusa's manual provider: `{ "id": "manual-fulfillment" }`). */
  @IsOptional() @IsObject() data?: Record<string, unknown>;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ShippingRequirementInput)
  @ArrayMaxSize(2)
  requirements?: ShippingRequirementInput[];
}

/** A price of a price list, for the variant of `sku`: in a currency, or in a region (by name). */
export class ImportPriceListPrice extends ImportPrice {
  @IsString() @Length(1, 100) sku!: string;
}

/**
 * A price list, matched by `name`: a sale or an override, for everyone or for customer groups (by
 * id, as the customer app knows them), between dates. Loading it again replaces its prices.
 */
export class ImportPriceList {
  @IsOptional() @fixedId('pl') id?: string;
  @IsString() @Length(1, 200) name!: string;
  @IsString() @MaxLength(2000) description!: string;
  @IsIn(PRICE_LIST_TYPES) type!: (typeof PRICE_LIST_TYPES)[number];
  @IsOptional() @IsIn(PRICE_LIST_STATUSES) status?: (typeof PRICE_LIST_STATUSES)[number];
  @IsOptional() @IsISO8601() starts_at?: string;
  @IsOptional() @IsISO8601() ends_at?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) customer_groups?: string[];
  @ValidateNested({ each: true })
  @Type(() => ImportPriceListPrice)
  @ArrayMaxSize(10_000)
  prices!: ImportPriceListPrice[];
}

/** The sections of a catalog document, in the order they are loaded. */
export const IMPORT_SECTIONS = [
  'regions',
  'collections',
  'categories',
  'product_types',
  'product_tags',
  'products',
  'shipping_options',
  'price_lists',
] as const;
export type ImportSection = (typeof IMPORT_SECTIONS)[number];

/** `catalog.import.run`: the document's text (so that the report can name lines). */
export class ImportCatalogRequest {
  @IsString() @MaxLength(50_000_000) document!: string;
}

/** What happened to one entry that was not loaded. */
export interface ImportRefusal {
  section: ImportSection;
  /** The entry's key (name, handle, SKU), when it has one. */
  key: string | null;
  /** The line of the document where the entry starts. */
  line: number;
  reason: string;
}

export type ImportCounts = Record<ImportSection, number>;

/** The import's report: entries created, updated, unchanged, and refused with why. */
export interface ImportReport {
  created: ImportCounts;
  updated: ImportCounts;
  unchanged: ImportCounts;
  refused: ImportRefusal[];
}
