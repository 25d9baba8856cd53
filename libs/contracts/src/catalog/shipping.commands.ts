import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsBooleanString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TaxRateRef } from './product';

/** Medusa's `PricedShippingOption` (with its requirements). */
export interface PricedShippingOption {
  id: string;
  name: string;
  region_id: string;
  profile_id: string;
  provider_id: string;
  price_type: 'flat_rate' | 'calculated';
  amount: number | null;
  is_return: boolean;
  admin_only: boolean;
  includes_tax: boolean;
  requirements: {
    id: string;
    shipping_option_id: string;
    type: 'min_subtotal' | 'max_subtotal';
    amount: number;
    deleted_at: string | null;
  }[];
  data: Record<string, unknown>;
  metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  price_incl_tax: number;
  tax_amount: number;
  tax_rates: TaxRateRef[];
  /** Only in a cart's listing (`catalog.shipping-option.list-for-cart`). */
  profile?: Record<string, unknown>;
}

/** `GET /store/shipping-options` query, also the `catalog.shipping-option.list` request. */
export class ListShippingOptionsQuery {
  /** Comma separated product ids: only options of their shipping profiles. */
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  product_ids?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  region_id?: string;

  @IsOptional()
  @IsBooleanString()
  is_return?: string;
}

export interface ShippingOptionList {
  shipping_options: PricedShippingOption[];
}

/**
 * `catalog.shipping-option.quote` request: may a cart in `region_id` with this subtotal use the
 * option, and at what price?
 */
export class QuoteShippingOptionRequest {
  @IsString()
  @MaxLength(100)
  option_id!: string;

  @IsString()
  @MaxLength(100)
  region_id!: string;

  /** The cart's subtotal (tax excluded), minor units. */
  @IsInt()
  @Min(0)
  subtotal!: number;

  /** The cart's item tax, for options whose requirements include tax. */
  @IsOptional()
  @IsInt()
  @Min(0)
  item_tax_total?: number;
}

export interface ShippingOptionQuote {
  shipping_option: PricedShippingOption;
  /** What the shipping method costs, tax excluded (flat rate). */
  price: number;
}

/** `catalog.shipping-option.list-for-cart` request: what a cart with these items may ship with. */
export class ListCartShippingOptionsRequest {
  @IsString()
  @MaxLength(100)
  region_id!: string;

  /** The shipping profiles of the cart's items. */
  @IsString({ each: true })
  @ArrayMaxSize(100)
  profile_ids!: string[];

  @IsInt()
  @Min(0)
  subtotal!: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  item_tax_total?: number;
}

export class ShippingRequirementInput {
  @IsIn(['min_subtotal', 'max_subtotal']) type!: 'min_subtotal' | 'max_subtotal';
  @IsInt() @Min(0) amount!: number;
}

/**
 * `POST /admin/shipping-options` (Medusa's `AdminPostShippingOptionsReq`): a flat-rate option of a
 * region, through one of the region's fulfillment providers, for a shipping profile (the store's
 * default one when none is named).
 */
export class CreateShippingOptionRequest {
  @IsString() @Length(1, 200) name!: string;
  @IsString() @MaxLength(100) region_id!: string;
  @IsString() @MaxLength(100) provider_id!: string;
  @IsOptional() @IsString() @MaxLength(100) profile_id?: string;
  @IsIn(['flat_rate'], {
    message:
      'price_type must be flat_rate (calculated prices need a fulfillment provider that computes them)',
  })
  price_type!: 'flat_rate';
  @IsInt() @Min(0) @Max(100_000_000) amount!: number;
  @IsOptional() @IsBoolean() is_return?: boolean;
  @IsOptional() @IsBoolean() admin_only?: boolean;
  @IsOptional() @IsBoolean() includes_tax?: boolean;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ShippingRequirementInput)
  @ArrayMaxSize(2)
  requirements?: ShippingRequirementInput[];
  @IsOptional() @IsObject() data?: Record<string, unknown>;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** `GET /admin/shipping-options`: admin-only options too. */
export class AdminListShippingOptionsQuery {
  @IsOptional() @IsString() @MaxLength(100) region_id?: string;
  @IsOptional() @IsBooleanString() is_return?: string;
  @IsOptional() @IsBooleanString() admin_only?: string;
}

export interface AdminShippingOptionList {
  shipping_options: PricedShippingOption[];
  count: number;
  offset: number;
  limit: number;
}

export interface ShippingOptionReply {
  shipping_option: PricedShippingOption;
}

/**
 * `POST /admin/shipping-options/{id}` (Medusa's `AdminPostShippingOptionsOptionReq`): the fields
 * given change; `requirements` given replace the option's.
 */
export class ShippingOptionChanges {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100_000_000) amount?: number;
  @IsOptional() @IsBoolean() admin_only?: boolean;
  @IsOptional() @IsBoolean() includes_tax?: boolean;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ShippingRequirementInput)
  @ArrayMaxSize(2)
  requirements?: ShippingRequirementInput[];
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class UpdateShippingOptionRequest extends ShippingOptionChanges {
  @IsString() @MaxLength(100) id!: string;
}

export class ShippingRef {
  @IsString() @MaxLength(100) id!: string;
}

export const SHIPPING_PROFILE_TYPES = ['default', 'gift_card', 'custom'] as const;

/** Medusa's `ShippingProfile`, with its live products and options. */
export interface ShippingProfile {
  id: string;
  name: string;
  type: (typeof SHIPPING_PROFILE_TYPES)[number];
  metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  products: Record<string, unknown>[];
  shipping_options: Record<string, unknown>[];
}

export interface ShippingProfileReply {
  shipping_profile: ShippingProfile;
}

/** `POST /admin/shipping-profiles`: Medusa's `AdminPostShippingProfilesReq`. */
export class CreateShippingProfileRequest {
  @IsString() @Length(1, 200) name!: string;
  @IsIn(SHIPPING_PROFILE_TYPES) type!: (typeof SHIPPING_PROFILE_TYPES)[number];
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** `POST /admin/shipping-profiles/{id}`: fields given change; products and options given move to it. */
export class ShippingProfileChanges {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsIn(SHIPPING_PROFILE_TYPES) type?: (typeof SHIPPING_PROFILE_TYPES)[number];
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
  @IsOptional() @ArrayMaxSize(1000) @IsString({ each: true }) products?: string[];
  @IsOptional() @ArrayMaxSize(1000) @IsString({ each: true }) shipping_options?: string[];
}

export class UpdateShippingProfileRequest extends ShippingProfileChanges {
  @IsString() @MaxLength(100) id!: string;
}
