import {
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/**
 * A presale offer on a variant (seed 004's 预售): sold before it arrives, a deposit now and the
 * balance in a later window. Amounts in minor units of `currency_code`.
 */
export interface PresaleOffer {
  variant_id: string;
  sku: string | null;
  product_id: string;
  /** The product's title and the variant's, as a presale page shows them. */
  title: string;
  currency_code: string;
  deposit_amount: number;
  /** The variant's price in the offer's currency. */
  price: number;
  balance_opens_at: string;
  balance_closes_at: string;
  /** Presale units left to sell. */
  stock: number;
  /** The most units one customer may buy. */
  buy_limit: number;
  expect_arrival_time: string | null;
  /** Whether a deposit is given back when the balance is not paid (stores usually keep it). */
  deposit_refundable: boolean;
}

/** `GET /store/presale/offers`. */
export interface PresaleOffersReply {
  offers: PresaleOffer[];
}

/** One offer, by variant id or SKU (seed 004's `product_sku`). */
export class PresaleOfferRef {
  @IsString() @MaxLength(100) product_sku!: string;
}

/** Takes presale units of an offer for an order, once per key (the order's cart id). */
export class ReservePresaleRequest {
  @IsString() @MaxLength(200) reservation_key!: string;
  @IsString() @MaxLength(100) variant_id!: string;
  @IsInt() @Min(1) @Max(10_000) quantity!: number;
}

export interface PresaleReservationReply {
  reservation_key: string;
  /** Units the key holds now (0 once released). */
  quantity: number;
}

/**
 * A presale offer as the merchant sets it (`POST /admin/variants/{id}/presale`, and a catalog
 * document's variant `presale`): deposit, balance window, presale stock, limit per customer.
 */
export class PresaleOfferInput {
  @Matches(/^[a-z]{3}$/, { message: 'currency_code must be a lower-case ISO 4217 code' })
  currency_code!: string;
  @IsInt() @Min(0) deposit_amount!: number;
  @IsISO8601() balance_opens_at!: string;
  @IsISO8601() balance_closes_at!: string;
  /** Presale units on offer in all; never below those already sold. */
  @IsInt() @Min(0) stock_limit!: number;
  @IsInt() @Min(1) buy_limit!: number;
  @IsOptional() @IsISO8601() expect_arrival_time?: string;
  @IsOptional() @IsBoolean() deposit_refundable?: boolean;
}

export class SetPresaleOfferRequest extends PresaleOfferInput {
  @IsString() @MaxLength(100) variant_id!: string;
}

export class PresaleVariantRef {
  @IsString() @MaxLength(100) variant_id!: string;
}

/** An offer as the merchant sees it: any product status, closed ones too, with its stock and sales. */
export interface AdminPresaleOffer extends PresaleOffer {
  stock_limit: number;
  sold: number;
}

export interface AdminPresaleOfferReply {
  presale_offer: AdminPresaleOffer;
}
