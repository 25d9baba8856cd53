import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { PaymentContext } from './payment.commands';

/** The wallets an order can be paid with now (seed 002), beside points. */
export const CHARGE_PROVIDER_IDS = ['wechat', 'alipay'] as const;
export type ChargeProviderId = (typeof CHARGE_PROVIDER_IDS)[number];

/**
 * One attempt to pay an existing order (seed 002's 立即支付): `points` of the customer's points and
 * `amount` of money through `provider_id` (none: points alone). Keyed by `charge_id` (the order's
 * payment id, `pay_…`): asking again answers the same attempt. Opening it supersedes the order's
 * earlier open attempt (its held points back, its provider session closed).
 */
export class OpenCharge {
  @IsString() @MaxLength(100) charge_id!: string;
  @IsString() @MaxLength(100) order_id!: string;
  @IsString() @MaxLength(100) cart_id!: string;
  @IsString() @MaxLength(100) customer_id!: string;
  @IsOptional() @IsIn(CHARGE_PROVIDER_IDS) provider_id!: ChargeProviderId | null;
  /** Money to pay at the provider, in minor units (0 with points alone). */
  @IsInt() @Min(0) amount!: number;
  @IsInt() @Min(0) points!: number;
  @Matches(/^[a-z]{3}$/) currency_code!: string;
  /** When the provider stops taking the money (never after the order's `pay_expire`). */
  @IsString() @MaxLength(40) expires_at!: string;
  @ValidateNested() @Type(() => PaymentContext) context!: PaymentContext;
}

export class ChargeRef {
  @IsString() @MaxLength(100) charge_id!: string;
}

export type ChargeStatus = 'pending' | 'paid' | 'superseded' | 'canceled' | 'expired' | 'failed' | 'refunded';

export interface ChargeReply {
  charge_id: string;
  order_id: string;
  status: ChargeStatus;
  provider_id: ChargeProviderId | null;
  amount: number;
  points: number;
  currency_code: string;
  /** What the app hands the wallet SDK: WeChat's seven fields, Alipay's signed order string; none for points alone. */
  pay_param: Record<string, unknown> | string | null;
  expires_at: string;
}
