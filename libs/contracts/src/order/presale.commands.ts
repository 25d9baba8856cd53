import { Transform, Type } from 'class-transformer';
import { toText } from '../common/query-params';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PresaleOffer } from '../catalog/presale.commands';

/** Seed 004's `app.shopping.depositPayment` (settle): the presale unit and how many. */
export class PresaleSettleRequest {
  /** The seed's user id: when sent, it must be the signed-in customer's. */
  @IsOptional() @Transform(toText) @IsString() @MaxLength(100) uid?: string;
  /** A variant id or a SKU. */
  @Transform(toText) @IsString() @MaxLength(100) product_sku!: string;
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
  @Transform(toText)
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
  /** The region's shipping option behind it. */
  option_id: string;
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
  region_id: string;
}

/** Seed 004's `depositSubmit`: the purchase as quoted, where and when to deliver, the invoice, the reminder's phone. */
export class PresaleSubmitRequest extends PresaleComputeRequest {
  @Transform(toText) @IsString() @MaxLength(100) address_id!: string;
  /** 1 workdays only, 2 any day (the default), 3 weekends and holidays only. */
  @IsOptional() @Type(() => Number) @IsInt() @IsIn([1, 2, 3]) delivery_time?: 1 | 2 | 3;
  @IsOptional() @IsString() @MaxLength(200) invoices_title?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100) invoices_type_id?: number;
  @IsOptional() @IsString() @MaxLength(500) remark?: string;
  /** Where the balance reminder goes: a mobile number, or the address's as settle showed it masked. */
  @IsOptional()
  @IsString()
  @Matches(/^[0-9*+ -]{5,20}$/, { message: 'tail_pay_notice_phone must be a phone number' })
  tail_pay_notice_phone?: string;
}

export class PresaleSubmitCommand extends PresaleSubmitRequest {
  @IsString() @MaxLength(100) customer_id!: string;
}

/** A presale order as the order keeps it (`presale` on the order), amounts in minor units. */
export interface PresaleTerms {
  variant_id: string;
  quantity: number;
  deposit_amount: number;
  /** What the balance asks: goods + shipping − deposit (points, when used, pay part of it). */
  balance_amount: number;
  balance_opens_at: string;
  balance_closes_at: string;
  deposit_refundable: boolean;
  deposit_paid_at: string | null;
  reminded_at: string | null;
  tail_pay_notice_phone: string;
  delivery_time: number;
  delivery_way: number;
  invoices_title: string;
  invoices_type_id: number;
  remark: string;
  /** The points the customer means to pay part of the balance with. */
  points: number;
  /** How it ships: one package per supplier (seed 004's `package_list`), with its shipping cost. */
  packages: { supplier_id: string; quantity: number; shipping_amount: number }[];
}

/** The placed presale order: seed 004's submit answer, in minor units. */
export interface PresaleSubmitReply {
  order_id: string;
  display_id: number;
  created_at: string;
  total: number;
  deposit_amount: number;
  pay_expire: string;
  /** The deposit is paid already (a zero deposit). */
  deposit_paid: boolean;
  currency_code: string;
}

/** A mobile number as seed 004 shows it: `139****4768` (the first three and last four digits). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : digits;
}
