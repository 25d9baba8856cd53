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

/** Events the payment app publishes. */
export const PaymentEvents = {
  /** The shopper paid: the provider authorized (or captured) the session's amount. */
  sessionAuthorized: event<PaymentSessionChanged>('payment.session-authorized'),
  /** The provider refused the payment (declined card, insufficient funds…); the shopper may retry. */
  sessionFailed: event<PaymentSessionChanged>('payment.session-failed'),
} as const;
