import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { MAX_LINE_QUANTITY } from '../catalog/inventory.commands';
import { PageQuery } from '../common/pagination';

/** A store cart as Medusa v1 returns it (`StoreCartsRes.cart`), with its relations and totals. */
export type Cart = Record<string, unknown> & {
  id: string;
  region_id: string;
  items: Record<string, unknown>[];
};

export interface CartReply {
  cart: Cart;
}

/** The keys of Medusa's `Address`, in its order: what a cart's and a customer's addresses show. */
export const ADDRESS_KEYS = [
  'id',
  'customer_id',
  'company',
  'first_name',
  'last_name',
  'address_1',
  'address_2',
  'city',
  'country_code',
  'province',
  'postal_code',
  'phone',
  'created_at',
  'updated_at',
  'deleted_at',
  'metadata',
] as const;

/** The keys of an address its owner writes (all but its id, owner and timestamps). */
export const ADDRESS_PAYLOAD_KEYS = ADDRESS_KEYS.filter(
  (key) => !['id', 'customer_id', 'created_at', 'updated_at', 'deleted_at'].includes(key),
) as readonly (keyof AddressPayload)[];

/** Medusa's `AddressPayload`: every field optional. */
export class AddressPayload {
  @IsOptional() @IsString() @MaxLength(200) first_name?: string;
  @IsOptional() @IsString() @MaxLength(200) last_name?: string;
  @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @IsOptional() @IsString() @MaxLength(200) company?: string;
  @IsOptional() @IsString() @MaxLength(500) address_1?: string;
  @IsOptional() @IsString() @MaxLength(500) address_2?: string;
  @IsOptional() @IsString() @MaxLength(200) city?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @Matches(/^[a-z]{2}$/, { message: 'country_code must be an ISO 3166 alpha-2 code' })
  country_code?: string;

  @IsOptional() @IsString() @MaxLength(200) province?: string;
  @IsOptional() @IsString() @MaxLength(50) postal_code?: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** An address given as an object, or as the id of an existing address. */
function toAddress({ value }: { value: unknown }): unknown {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? plainToInstance(AddressPayload, value)
    : value;
}

function IsAddressOrId(): PropertyDecorator {
  return ValidateBy({
    name: 'isAddressOrId',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'string' && value.length > 0 && value.length <= 100) ||
        (value instanceof AddressPayload &&
          validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).length === 0),
      defaultMessage: (args) => `${args?.property} must be an address or the id of one`,
    },
  });
}

export class CartItemInput {
  @IsString()
  @MaxLength(100)
  variant_id!: string;

  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}

export class CodeInput {
  @IsString()
  @MaxLength(100)
  code!: string;
}

/** What creating and updating a cart both take: its region, country, context and sales channel. */
class CartPlacement {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region_id?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @Matches(/^[a-z]{2}$/, { message: 'country_code must be an ISO 3166 alpha-2 code' })
  country_code?: string;

  @IsOptional()
  @IsObject()
  context?: Record<string, unknown>;

  /** The sales channel the cart sells in (it must exist and be enabled); default: the store's. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sales_channel_id?: string;

  /** Accepted only as the signed-in customer's own id (a cart is theirs anyway once they sign in). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  customer_id?: string;
}

/** `POST /store/carts` body. */
export class CreateCartRequest extends CartPlacement {
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CartItemInput)
  @ArrayMaxSize(100)
  items?: CartItemInput[];
}

/** `POST /store/carts/{id}` body. */
export class UpdateCartRequest extends CartPlacement {
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @IsOptional()
  @Transform(toAddress)
  @IsAddressOrId()
  billing_address?: AddressPayload | string;

  @IsOptional()
  @Transform(toAddress)
  @IsAddressOrId()
  shipping_address?: AddressPayload | string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CodeInput)
  @ArrayMaxSize(20)
  gift_cards?: CodeInput[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CodeInput)
  @ArrayMaxSize(20)
  discounts?: CodeInput[];
}

/** `POST /store/carts/{id}/line-items` body. */
export class AddLineItemRequest {
  @IsString()
  @MaxLength(100)
  variant_id!: string;

  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;

  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}

/** `POST /store/carts/{id}/line-items/{line_id}` body: quantity 0 removes the line. */
export class UpdateLineItemRequest {
  @IsInt()
  @Min(0)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;

  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}

/** `POST /store/carts/{id}/shipping-methods` body. */
export class AddShippingMethodRequest {
  @IsString()
  @MaxLength(100)
  option_id!: string;

  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

/** Every cart command names its cart. */
export class CartRef {
  @IsString()
  @MaxLength(100)
  cart_id!: string;
}

export class CreateCartCommand extends CreateCartRequest {
  /** The caller's IP and user agent, kept in the cart's context as Medusa does. */
  @IsOptional()
  @IsObject()
  request_context?: Record<string, unknown>;
}

export class UpdateCartCommand extends UpdateCartRequest {
  @IsString()
  @MaxLength(100)
  cart_id!: string;
}

export class AddLineItemCommand extends AddLineItemRequest {
  @IsString()
  @MaxLength(100)
  cart_id!: string;
}

export class UpdateLineItemCommand extends UpdateLineItemRequest {
  @IsString()
  @MaxLength(100)
  cart_id!: string;

  @IsString()
  @MaxLength(100)
  line_id!: string;
}

export class LineItemRef extends CartRef {
  @IsString()
  @MaxLength(100)
  line_id!: string;
}

export class AddShippingMethodCommand extends AddShippingMethodRequest {
  @IsString()
  @MaxLength(100)
  cart_id!: string;
}

/** A discount condition's targets of one kind (`GET /store/product-tags?discount_condition_id=`). */
export class DiscountConditionTargetsQuery {
  @IsString() @MaxLength(100) discount_condition_id!: string;
  @IsIn(['product_tags', 'product_types']) type!: 'product_tags' | 'product_types';
}

export interface DiscountConditionTargets {
  /** Empty for an unknown condition, or one of another kind. */
  target_ids: string[];
}

export class DiscountRef extends CartRef {
  @IsString()
  @MaxLength(100)
  code!: string;
}

/** The pricing context of a cart, for `cart_id` pricing of products and variants. */
export interface CartPricingContext {
  region_id: string;
  currency_code: string;
  customer_id: string | null;
}

export interface GiftCardReply {
  gift_card: Record<string, unknown>;
}

/** `POST /admin/gift-cards`: Medusa's `AdminPostGiftCardsReq` (the code is issued, never chosen). */
export class CreateGiftCardRequest {
  @IsString() @MaxLength(100) region_id!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000_000) value!: number;
  @IsOptional() @IsString() @MaxLength(40) ends_at?: string;
  @IsOptional() @IsBoolean() is_disabled?: boolean;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** `GET /admin/gift-cards`: Medusa's paging, and `q` on the code. */
export class ListGiftCardsQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export interface GiftCardList {
  gift_cards: Record<string, unknown>[];
  count: number;
  offset: number;
  limit: number;
}
