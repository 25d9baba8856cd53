import { IsIn, IsInt, IsString } from 'class-validator';
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
} as const;
