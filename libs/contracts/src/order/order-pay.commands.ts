import { Transform, Type } from 'class-transformer';
import { toText } from '../common/query-params';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Seed 002's `pay_method`: 1 WeChat, 2 Alipay, 3 points, 4 WeChat + points, 5 Alipay + points. */
export const PAY_METHODS = [1, 2, 3, 4, 5] as const;
export type PayMethod = (typeof PAY_METHODS)[number];

/** Seed 002's `freight_mode`: 1 包邮 (free shipping), 2 不包邮 (shipping charged). */
export const FREIGHT_MODES = [1, 2] as const;
/** Seed 002's `freight_json_arr_key` (with `freight_mode` 2): 1 到付 (paid on delivery), 2 商家自选 (the store's choice, paid now). */
export const FREIGHT_KEYS = [0, 1, 2] as const;

/**
 * `POST /store/orders/{id}/pay` (seed 002's 订单立即支付), as the seed names its fields: money in
 * yuan (`pay_price`, a decimal), points as a whole number.
 */
export class PayOrderRequest {
  /** The seed sends it in the body too; when it does, it must be the order of the path. */
  @IsOptional() @Transform(toText) @IsString() @MaxLength(100) order_id?: string;
  @Type(() => Number) @IsInt() @IsIn(PAY_METHODS) pay_method!: PayMethod;
  /** What is paid now in money, in yuan (major units), as the storefront computed it: checked, never trusted. */
  @Transform(toText)
  @IsString()
  @Matches(/^\d{1,9}(\.\d+)?$/, { message: 'pay_price must be a decimal amount in yuan' })
  pay_price!: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000_000) pay_integral?: number;
  @Transform(toText) @IsString() @MaxLength(100) address_id!: string;
  /** Required, except for a presale order (its delivery was chosen when it was submitted). */
  @IsOptional() @Type(() => Number) @IsInt() @IsIn(FREIGHT_MODES) freight_mode?: 1 | 2;
  @IsOptional() @Type(() => Number) @IsInt() @IsIn(FREIGHT_KEYS) freight_json_arr_key?: 0 | 1 | 2;
}

export class PayOrderCommand extends PayOrderRequest {
  @IsString() @MaxLength(100) customer_id!: string;
  /** The order of the path. */
  @IsString() @MaxLength(100) path_order_id!: string;
}

/** The seed's `data` of a payment started: what the wallet SDK takes (none when points paid it all). */
export interface PayOrderReply {
  payment_id: string;
  pay_param?: Record<string, unknown> | string;
}

/** `GET /store/orders/{id}/payment-status?wait=N`. */
export class OrderPaymentStatusRequest {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(30) wait?: number;
}

/** Where an order's payment stands, in minor units: what its payments took, and what is still due now. */
export interface OrderPaymentStatusReply {
  payment_status: string;
  paid: number;
  due: number;
}
