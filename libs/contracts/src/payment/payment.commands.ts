import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PAYMENT_PROVIDER_IDS, PaymentProviderId } from './payment.providers';

/** Medusa's payment session statuses. */
export type PaymentSessionStatus = 'pending' | 'authorized' | 'requires_more' | 'error' | 'canceled';

/** A line of the cart, as hosted pages show it (seed 003's `goods`). */
export class PaymentGoods {
  @IsString() @MaxLength(100) id!: string;
  @IsString() @MaxLength(500) name!: string;
  @IsInt() @Min(0) price!: number;
  @IsInt() @Min(1) quantity!: number;
  @IsOptional() @IsString() @MaxLength(2000) picture_url?: string | null;
  /** The product's subtitle, and its handle (for a link to its page). */
  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @IsOptional() @IsString() @MaxLength(500) product_handle?: string | null;
  /** The product (a provider may look up its category and brand). */
  @IsOptional() @IsString() @MaxLength(100) product_id?: string | null;
}

/** A postal address as providers take it. */
export class PaymentAddress {
  @IsOptional() @IsString() @MaxLength(200) first_name?: string | null;
  @IsOptional() @IsString() @MaxLength(200) last_name?: string | null;
  @IsOptional() @IsString() @MaxLength(500) address_1?: string | null;
  @IsOptional() @IsString() @MaxLength(500) address_2?: string | null;
  @IsOptional() @IsString() @MaxLength(200) city?: string | null;
  @IsOptional() @IsString() @MaxLength(200) province?: string | null;
  @IsOptional() @IsString() @MaxLength(50) postal_code?: string | null;
  @IsOptional() @IsString() @MaxLength(2) country_code?: string | null;
  @IsOptional() @IsString() @MaxLength(50) phone?: string | null;
}

/** What a provider may show or check about the cart being paid. */
export class PaymentContext {
  @IsOptional() @IsString() @MaxLength(320) email?: string | null;
  @ValidateNested({ each: true }) @Type(() => PaymentGoods) goods!: PaymentGoods[];
  @IsOptional() @ValidateNested() @Type(() => PaymentAddress) billing_address?: PaymentAddress | null;
  @IsOptional() @ValidateNested() @Type(() => PaymentAddress) shipping_address?: PaymentAddress | null;
  @IsOptional() @IsString() @MaxLength(100) customer_ip?: string | null;
  /** The signed-in customer whose cart it is, if any (the cashier's `customer.id`). */
  @IsOptional() @IsString() @MaxLength(100) customer_id?: string | null;
  /** The shopper's language (BCP 47, from the storefront's Accept-Language when the cart was made). */
  @IsOptional() @IsString() @MaxLength(50) locale?: string | null;
  /** The cart's region: providers may be set up per region (the cashier's 3-D Secure). */
  @IsOptional() @IsString() @MaxLength(100) region_id?: string | null;
}

/** A cart's payment session, as the payment app is told of it. */
export class SessionRef {
  /** The cart's payment session id (`ps_…`), which also keys the provider session. */
  @IsString() @MaxLength(100) session_id!: string;
}

/** Open (or bring up to date) the provider side of a cart's payment session. */
export class SessionInput extends SessionRef {
  @IsString() @MaxLength(100) cart_id!: string;
  @IsIn(PAYMENT_PROVIDER_IDS) provider_id!: PaymentProviderId;
  @IsInt() @Min(1) amount!: number;
  @Matches(/^[a-z]{3}$/) currency_code!: string;
  @ValidateNested() @Type(() => PaymentContext) context!: PaymentContext;
  /** When the shopper can no longer pay it (default: the payment app's session window from now). */
  @IsOptional() @IsString() @MaxLength(40) expires_at?: string;
}

/** Gives back (part of) a session's captured money. */
export class SessionRefund extends SessionRef {
  @IsInt() @Min(1) amount!: number;
  /** The caller's id of this refund: a retry with it refunds once, at the provider too. */
  @IsString() @MaxLength(100) refund_id!: string;
}

export class SessionDataUpdate extends SessionRef {
  @IsObject() data!: Record<string, unknown>;
}

/** The provider side of a session: its status and the data a storefront needs to pay. */
export interface SessionReply {
  session_id: string;
  provider_id: PaymentProviderId;
  status: PaymentSessionStatus;
  amount: number;
  currency_code: string;
  /** Whether the provider took the money already (not only authorized it). */
  captured: boolean;
  /** The provider's number of the payment (its session, transaction or trade number), once it has one. */
  provider_reference: string | null;
  /** When the shopper can no longer pay it. */
  expires_at: string;
  /** Public data for the storefront: a hosted page URL, app-pay parameters, an order string… */
  data: Record<string, unknown>;
}

/** A provider's notification as the gateway received it: the raw body, untouched, and the headers. */
export class ProviderNotification {
  @IsIn(PAYMENT_PROVIDER_IDS) provider_id!: PaymentProviderId;
  /** Header names in lower case. */
  @IsObject() headers!: Record<string, string>;
  /** The body exactly as received, base64-encoded (signatures are over these bytes). */
  @IsString() @MaxLength(200_000) body_base64!: string;
}

/** The answer a provider expects, in its own protocol. */
export interface NotificationReply {
  status: number;
  content_type: string;
  body: string;
}
