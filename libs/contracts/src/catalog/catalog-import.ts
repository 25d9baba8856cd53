import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import { PresaleOfferInput } from './presale.commands';
import { CreateRegionRequest } from './catalog.commands';
import { ShippingRequirementInput } from './shipping.commands';

/**
 * The catalog document `npm run import` and `POST /admin/catalog/import` load: regions by name,
 * collections, categories and products by handle, variants by SKU, shipping options by region and
 * name. Entries refer to each other by those keys, never by id, so one document stocks any store.
 */

const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HANDLE_MESSAGE = { message: 'handle must be lower-case words joined by hyphens' };

/** A region, matched by `name`: created, or its settings brought in line. */
export class ImportRegion extends CreateRegionRequest {}

/** A collection, matched by `handle`. */
export class ImportCollection {
  @IsString() @Length(1, 200) title!: string;
  @Matches(HANDLE, HANDLE_MESSAGE) handle!: string;
}

/** A category, matched by `handle`; `parent` is the handle of a category listed before it (or already in the store). */
export class ImportCategory {
  @IsString() @Length(1, 200) name!: string;
  @Matches(HANDLE, HANDLE_MESSAGE) handle!: string;
  @IsOptional() @Matches(HANDLE, HANDLE_MESSAGE) parent?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsBoolean() is_active?: boolean;
  @IsOptional() @IsBoolean() is_internal?: boolean;
  @IsOptional() @IsInt() @Min(0) rank?: number;
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

/** A variant, matched by `sku` within its product; `options` are its values in the product's option order. */
export class ImportVariant {
  @IsString() @Length(1, 200) title!: string;
  @IsString() @Length(1, 100) sku!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) options?: string[];
  @ValidateNested({ each: true }) @Type(() => ImportPrice) @ArrayMaxSize(100) prices!: ImportPrice[];
  /** The stock a new variant starts with; an existing variant's stock is left to inventory adjustments. */
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) inventory_quantity?: number;
  @IsOptional() @IsBoolean() allow_backorder?: boolean;
  @IsOptional() @IsBoolean() manage_inventory?: boolean;
  @IsOptional() @ValidateNested() @Type(() => PresaleOfferInput) presale?: PresaleOfferInput;
}

/** A product, matched by `handle`, with its options, variants and links (by handle or value). */
export class ImportProduct {
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
  @IsString() @Length(1, 200) name!: string;
  @IsString() @Length(1, 200) region!: string;
  @IsInt() @Min(0) @Max(100_000_000) amount!: number;
  /** The region's first fulfillment provider when not given. */
  @IsOptional() @IsString() @MaxLength(100) provider_id?: string;
  @IsOptional() @IsBoolean() is_return?: boolean;
  @IsOptional() @IsBoolean() admin_only?: boolean;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ShippingRequirementInput)
  @ArrayMaxSize(2)
  requirements?: ShippingRequirementInput[];
}

/** The sections of a catalog document, in the order they are loaded. */
export const IMPORT_SECTIONS = [
  'regions',
  'collections',
  'categories',
  'products',
  'shipping_options',
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
