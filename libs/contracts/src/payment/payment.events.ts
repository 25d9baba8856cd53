import { IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import { CHARGE_PROVIDER_IDS, ChargeProviderId, ChargeStatus } from './charge.commands';
import { event } from '../common/events';
import { PAYMENT_PROVIDER_IDS, PaymentProviderId } from './payment.providers';

/** Data of the session events: which cart session, at which provider, for how much. */
export class PaymentSessionChanged {
  @IsString() session_id!: string;
  @IsString() cart_id!: string;
  @IsIn(PAYMENT_PROVIDER_IDS) provider_id!: PaymentProviderId;
  @IsInt() amount!: number;
  @IsString() currency_code!: string;
  /** The provider's reference of the transaction (its session or trade number). */
  @IsString() provider_reference!: string;
}

/** Data of `events.payment.refunded`: money the shop must not keep went back to the shopper. */
export class PaymentRefunded {
  @IsString() attempt_id!: string;
  @IsString() session_id!: string;
  @IsString() cart_id!: string;
  @IsIn(PAYMENT_PROVIDER_IDS) provider_id!: PaymentProviderId;
  @IsInt() amount!: number;
  @IsString() currency_code!: string;
  /**
   * Why: `superseded` — the cart moved on to another amount or provider before this payment arrived;
   * `requested` — the shop gave the money back (a refund, or a canceled payment that was captured).
   */
  @IsIn(['superseded', 'requested']) reason!: 'superseded' | 'requested';
}

/** Data of `events.payment.charge-paid`: every part of an order's payment attempt settled. */
export class ChargePaid {
  @IsString() charge_id!: string;
  @IsString() order_id!: string;
  @IsString() customer_id!: string;
  @IsOptional() @IsIn(CHARGE_PROVIDER_IDS) provider_id!: ChargeProviderId | null;
  /** Money paid at the provider, in minor units. */
  @IsInt() amount!: number;
  /** Points spent. */
  @IsInt() points!: number;
  @IsString() currency_code!: string;
  /** The provider's own transaction number (WeChat's `transaction_id`, Alipay's `trade_no`). */
  @IsOptional() @IsString() provider_reference!: string | null;
  /** Points the money earned. */
  @IsInt() earned!: number;
}

/** Data of `events.payment.charge-ended`: an attempt that will not pay the order (its held points are back). */
export class ChargeEnded {
  @IsString() charge_id!: string;
  @IsString() order_id!: string;
  @IsIn(['superseded', 'canceled', 'expired', 'failed', 'refunded']) status!: Exclude<
    ChargeStatus,
    'pending' | 'paid'
  >;
}

/** Events the payment app publishes. */
export const PaymentEvents = {
  /** The shopper paid: the provider authorized (or captured) the session's amount. */
  sessionAuthorized: event<PaymentSessionChanged>('payment.session-authorized'),
  /** The provider refused the payment (declined card, insufficient funds…); the shopper may retry. */
  sessionFailed: event<PaymentSessionChanged>('payment.session-failed'),
  /** The shopper did not pay within the window (seed 001: two days): the session can no longer be paid. */
  sessionExpired: event<PaymentSessionChanged>('payment.session-expired'),
  /** Money went back to the shopper: `amount` of it (a superseded payment, or a refund). */
  refunded: event<PaymentRefunded>('payment.refunded'),
  /** The authorized money was taken. */
  captured: event<PaymentSessionChanged>('payment.captured'),
  /** An authorized payment was released before it was captured: nothing was taken. */
  canceled: event<PaymentSessionChanged>('payment.canceled'),
  /** An order's payment attempt (points, money or both) is paid in full: the order is paid by it. */
  chargePaid: event<ChargePaid>('payment.charge-paid'),
  /** An order's payment attempt ended unpaid (superseded, canceled, expired, failed) or was given back. */
  chargeEnded: event<ChargeEnded>('payment.charge-ended'),
} as const;
