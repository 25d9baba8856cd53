import {
  PaymentProviderId,
  PaymentRefunded,
  PaymentSessionChanged,
  PaymentSessionStatus,
  SessionReply,
} from '@app/contracts';
import { Attempt } from '../providers/payment-provider';
import { AttemptStatus, PAID_ATTEMPT_STATUSES, PAYABLE_ATTEMPT_STATUSES } from './attempt.state';

/** An attempt as stored. */
export interface AttemptRow {
  id: string;
  session_id: string;
  cart_id: string;
  provider_id: PaymentProviderId;
  amount: number;
  /** What was given back of a captured amount. */
  amount_refunded: number;
  currency_code: string;
  status: AttemptStatus;
  session_status: PaymentSessionStatus;
  provider_reference: string | null;
  data: Record<string, unknown>;
  expires_at: Date;
}

/** An attempt the shopper can still pay (within its window), or has paid. */
export function isLive(attempt: AttemptRow, now = new Date()): boolean {
  if (PAID_ATTEMPT_STATUSES.includes(attempt.status)) return true;
  return PAYABLE_ATTEMPT_STATUSES.includes(attempt.status) && attempt.expires_at > now;
}

export function toAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    session_id: row.session_id,
    cart_id: row.cart_id,
    provider_id: row.provider_id,
    amount: row.amount,
    currency_code: row.currency_code,
    provider_reference: row.provider_reference,
    expires_at: row.expires_at,
  };
}

/** The data of a session event about this attempt. */
export function sessionChange(row: AttemptRow, providerReference?: string | null): PaymentSessionChanged {
  return {
    session_id: row.session_id,
    cart_id: row.cart_id,
    provider_id: row.provider_id,
    amount: row.amount,
    currency_code: row.currency_code,
    provider_reference: providerReference ?? row.provider_reference ?? row.id,
  };
}

/** The data of `events.payment.refunded` for `amount` of this attempt's money given back. */
export function refundChange(
  row: AttemptRow,
  amount: number,
  reason: PaymentRefunded['reason'],
): PaymentRefunded {
  return {
    attempt_id: row.id,
    session_id: row.session_id,
    cart_id: row.cart_id,
    provider_id: row.provider_id,
    amount,
    currency_code: row.currency_code,
    reason,
  };
}

export function toReply(row: AttemptRow): SessionReply {
  return {
    session_id: row.session_id,
    provider_id: row.provider_id,
    status: row.session_status,
    amount: row.amount,
    currency_code: row.currency_code,
    captured: row.status === 'captured',
    provider_reference: row.provider_reference,
    expires_at: new Date(row.expires_at).toISOString(),
    data: row.data,
  };
}
