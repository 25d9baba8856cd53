import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Page, WithPage } from '../common/pagination';
import { AdminPriceInput } from './admin-product.commands';
import { MoneyAmount, PriceList } from './product';

export const PRICE_LIST_TYPES = ['sale', 'override'] as const;
export const PRICE_LIST_STATUSES = ['active', 'draft'] as const;

/** A price list as Medusa v1's admin shows it: its groups (the customer app's, by id) and prices. */
export interface AdminPriceList extends PriceList {
  customer_groups: { id: string }[];
  prices: MoneyAmount[];
}

export interface PriceListReply {
  price_list: AdminPriceList;
}

export interface PriceListList extends Page {
  price_lists: AdminPriceList[];
}

/** A price of a list: a variant's amount in a currency or region, with optional quantity bounds. */
export class PriceListPriceInput extends AdminPriceInput {
  @IsString() @MaxLength(100) variant_id!: string;
}

export class GroupRef {
  @IsString() @MaxLength(100) id!: string;
}

/** The fields of a price list an admin may change (all optional on update). */
export class PriceListChanges {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsIn(PRICE_LIST_TYPES) type?: (typeof PRICE_LIST_TYPES)[number];
  @IsOptional() @IsIn(PRICE_LIST_STATUSES) status?: (typeof PRICE_LIST_STATUSES)[number];
  /** ISO 8601; null clears it. */
  @ValidateIf((_, value) => value !== null) @IsOptional() @IsISO8601() starts_at?: string | null;
  @ValidateIf((_, value) => value !== null) @IsOptional() @IsISO8601() ends_at?: string | null;
  @IsOptional() @IsBoolean() includes_tax?: boolean;
  /** Replaces the list's groups: only their members' carts get its prices (none: everyone's). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => GroupRef)
  customer_groups?: GroupRef[];
  /** Prices added to the list (those given on update are added; use the batch routes to remove). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => PriceListPriceInput)
  prices?: PriceListPriceInput[];
}

/**
 * `POST /admin/price-lists`: Medusa's `AdminPostPriceListsPriceListReq` — name, description, type and
 * prices required; a new list is a draft unless `status` says otherwise.
 */
export class CreatePriceListRequest {
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsString() @MaxLength(2000) description!: string;
  @IsIn(PRICE_LIST_TYPES) type!: (typeof PRICE_LIST_TYPES)[number];
  @IsOptional() @IsIn(PRICE_LIST_STATUSES) status?: (typeof PRICE_LIST_STATUSES)[number];
  @IsOptional() @IsISO8601() starts_at?: string;
  @IsOptional() @IsISO8601() ends_at?: string;
  @IsOptional() @IsBoolean() includes_tax?: boolean;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => GroupRef)
  customer_groups?: GroupRef[];
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => PriceListPriceInput)
  prices!: PriceListPriceInput[];
}

export class UpdatePriceListRequest extends PriceListChanges {
  @IsString() @MaxLength(100) id!: string;
}

export class PriceListRef {
  @IsString() @MaxLength(100) id!: string;
}

/** `GET /admin/price-lists`: `q` on name and description, `status`, `type`, paging. */
export class ListPriceListsQuery extends WithPage(class {}) {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsArray() @IsIn(PRICE_LIST_STATUSES, { each: true }) status?: string[];
  @IsOptional() @IsArray() @IsIn(PRICE_LIST_TYPES, { each: true }) type?: string[];
}

/** `POST /admin/price-lists/{id}/prices/batch`: `override` replaces every price of the list. */
export class PriceListPricesBatch {
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => PriceListPriceInput)
  prices!: PriceListPriceInput[];
  @IsOptional() @IsBoolean() override?: boolean;
}

export class AddPriceListPricesRequest extends PriceListPricesBatch {
  @IsString() @MaxLength(100) id!: string;
}

/** `DELETE /admin/price-lists/{id}/prices/batch`: `{ price_ids }`. */
export class PriceIdsBatch {
  @IsArray() @ArrayMaxSize(10_000) @IsString({ each: true }) price_ids!: string[];
}

export class DeletePriceListPricesRequest extends PriceIdsBatch {
  @IsString() @MaxLength(100) id!: string;
}

export interface DeletedPricesReply {
  ids: string[];
  object: 'money-amount';
  deleted: true;
}
