import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Page, PageQuery } from '../common/pagination';

export const DISCOUNT_RULE_TYPES = ['fixed', 'percentage', 'free_shipping'] as const;
export const DISCOUNT_ALLOCATIONS = ['total', 'item'] as const;
export const DISCOUNT_CONDITION_TYPES = [
  'products',
  'product_types',
  'product_collections',
  'product_tags',
  'customer_groups',
] as const;

/**
 * A discount condition as Medusa v1's admin takes it: an operator and the ids of one kind of target
 * (`{ operator: 'in', products: ['prod_…'] }`). Exactly one kind per condition.
 */
export class DiscountConditionInput {
  @IsIn(['in', 'not_in']) operator!: 'in' | 'not_in';
  @IsOptional() @ArrayMaxSize(1000) @IsString({ each: true }) products?: string[];
  @IsOptional() @ArrayMaxSize(1000) @IsString({ each: true }) product_types?: string[];
  @IsOptional() @ArrayMaxSize(1000) @IsString({ each: true }) product_collections?: string[];
  @IsOptional() @ArrayMaxSize(1000) @IsString({ each: true }) product_tags?: string[];
  @IsOptional() @ArrayMaxSize(1000) @IsString({ each: true }) customer_groups?: string[];
}

/** A discount's rule: what it takes off (Medusa's `AdminPostDiscountsDiscountRule`). */
export class DiscountRuleInput {
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsIn(DISCOUNT_RULE_TYPES) type!: (typeof DISCOUNT_RULE_TYPES)[number];
  /** Minor units for `fixed`, a percent (0–100) for `percentage`, ignored for `free_shipping`. */
  @IsInt() @Min(0) @Max(1_000_000_000) value!: number;
  @IsIn(DISCOUNT_ALLOCATIONS) allocation!: (typeof DISCOUNT_ALLOCATIONS)[number];
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DiscountConditionInput)
  @ArrayMaxSize(5)
  conditions?: DiscountConditionInput[];
}

const CODE = /^[A-Za-z0-9_-]+$/;

/** `POST /admin/discounts`: Medusa's `AdminPostDiscountsReq`. */
export class CreateDiscountRequest {
  @Matches(CODE, { message: 'code must be letters, digits, _ or -' }) @Length(1, 100) code!: string;
  @ValidateNested() @Type(() => DiscountRuleInput) rule!: DiscountRuleInput;
  @IsOptional() @IsBoolean() is_dynamic?: boolean;
  @IsOptional() @IsBoolean() is_disabled?: boolean;
  @IsOptional() @IsISO8601() starts_at?: string;
  @IsOptional() @IsISO8601() ends_at?: string;
  @IsOptional() @IsInt() @Min(1) usage_limit?: number;
  @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) regions!: string[];
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** A rule's changes: its value, description and allocation (its type stays, as in Medusa). */
export class DiscountRuleChanges {
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) value?: number;
  @IsOptional() @IsIn(DISCOUNT_ALLOCATIONS) allocation?: (typeof DISCOUNT_ALLOCATIONS)[number];
  /** Replace the rule's conditions when given. */
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DiscountConditionInput)
  @ArrayMaxSize(5)
  conditions?: DiscountConditionInput[];
}

/** `POST /admin/discounts/{id}`: the fields given change (`is_disabled: true` disables it). */
export class DiscountChanges {
  @IsOptional()
  @Matches(CODE, { message: 'code must be letters, digits, _ or -' })
  @Length(1, 100)
  code?: string;
  @IsOptional() @ValidateNested() @Type(() => DiscountRuleChanges) rule?: DiscountRuleChanges;
  @IsOptional() @IsBoolean() is_disabled?: boolean;
  @IsOptional() @IsISO8601() starts_at?: string;
  @ValidateIf((_, value) => value !== null) @IsOptional() @IsISO8601() ends_at?: string | null;
  @ValidateIf((_, value) => value !== null) @IsOptional() @IsInt() @Min(1) usage_limit?: number | null;
  @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) regions?: string[];
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class UpdateDiscountRequest extends DiscountChanges {
  @IsString() @MaxLength(100) id!: string;
}

export class DiscountIdRef {
  @IsString() @MaxLength(100) id!: string;
}

export class DiscountCodeRef {
  @IsString() @MaxLength(100) code!: string;
}

/** `GET /admin/discounts`: `q` on the code, `is_disabled`, paging (20 a page). */
export class ListDiscountsQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(['true', 'false']) is_disabled?: 'true' | 'false';
}

/** A discount as the cart app keeps it: its rule with conditions, its regions by id. */
export type AdminDiscount = Record<string, unknown> & { id: string; code: string; regions: string[] };

export interface AdminDiscountReply {
  discount: AdminDiscount;
}

export interface AdminDiscountList extends Page {
  discounts: AdminDiscount[];
}
