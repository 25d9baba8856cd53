import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PresaleOffer } from '../catalog/presale.commands';

const asText = ({ value }: { value: unknown }) =>
  typeof value === 'number' || typeof value === 'string' ? String(value) : value;

/** Seed 004's `app.shopping.depositPayment` (settle): the presale unit and how many. */
export class PresaleSettleRequest {
  /** The seed's user id: when sent, it must be the signed-in customer's. */
  @IsOptional() @Transform(asText) @IsString() @MaxLength(100) uid?: string;
  /** A variant id or a SKU. */
  @Transform(asText) @IsString() @MaxLength(100) product_sku!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000) buy_number!: number;
  @IsOptional() @IsString() @MaxLength(50) client_type?: string;
  @IsOptional() @IsIn(['Y', 'N']) is_support_apple_pay?: 'Y' | 'N';
}

/** Seed 004's `depositCompute`: the delivery way and the points to use, in yuan. */
export class PresaleComputeRequest extends PresaleSettleRequest {
  /** 1 普通快递 (the region's cheapest way), 2 顺丰速运 (its express way). */
  @IsOptional() @Type(() => Number) @IsInt() @IsIn([1, 2]) delivery_way?: 1 | 2;
  /** Points to use, as the yuan they are worth (`POINTS_PER_YUAN` points a yuan). */
  @IsOptional()
  @Transform(asText)
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'use_yoho_coin must be an amount in yuan' })
  use_yoho_coin?: string;
}

export class PresaleQuoteCommand extends PresaleComputeRequest {
  @IsString() @MaxLength(100) customer_id!: string;
}

/** A way to deliver, from the region's shipping options (seed 004's `delivery_way`). */
export interface PresaleDeliveryWay {
  id: 1 | 2;
  name: string;
  amount: number;
  selected: boolean;
}

/** The customer's default address (marked default, else the newest), as the quote uses it. */
export interface PresaleAddress {
  id: string;
  consignee: string;
  address: string;
  area: string;
  area_code: string;
  phone: string;
}

/**
 * What a presale purchase costs, in minor units: the goods at the customer's price, the deposit
 * due now, and the balance due in the window, which also settles shipping and points — deposit +
 * balance = goods + shipping − points.
 */
export interface PresaleQuote {
  offer: PresaleOffer;
  product: {
    id: string;
    title: string;
    thumbnail: string | null;
    /** Option values by option title (`Color`, `Size`, …). */
    options: Record<string, string>;
  };
  buy_number: number;
  /** The regular unit price and the customer's (their group's price list applied). */
  price: number;
  unit_price: number;
  /** Seed 004's `vip1_price` … `vip3_price`: the unit price at each customer level. */
  level_prices: { level: number; price: number }[];
  goods_amount: number;
  deposit_amount: number;
  delivery_ways: PresaleDeliveryWay[];
  shipping_amount: number;
  /** Points used and their worth. */
  points: number;
  points_amount: number;
  balance_amount: number;
  total: number;
  address: PresaleAddress | null;
  /** The customer's points. */
  points_balance: number;
  /** The region's online ways to pay (providers), and its currency. */
  payment_providers: string[];
  currency_code: string;
}
