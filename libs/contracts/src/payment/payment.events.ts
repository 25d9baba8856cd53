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
  /** Why: the cart moved on to another amount or provider before this payment arrived. */
  @IsIn(['superseded']) reason!: 'superseded';
}

/** Events the payment app publishes. */
export const PaymentEvents = {
  /** The shopper paid: the provider authorized (or captured) the session's amount. */
  sessionAuthorized: event<PaymentSessionChanged>('payment.session-authorized'),
  /** The provider refused the payment (declined card, insufficient funds…); the shopper may retry. */
  sessionFailed: event<PaymentSessionChanged>('payment.session-failed'),
  /** The shopper did not pay within the window (seed 001: two days): the session can no longer be paid. */
  sessionExpired: event<PaymentSessionChanged>('payment.session-expired'),
  /** A payment for a superseded attempt was voided or refunded: the shopper pays once. */
  refunded: event<PaymentRefunded>('payment.refunded'),
} as const;
