import { PaymentProviderId, PaymentSessionChanged, PaymentSessionStatus, SessionReply } from '@app/contracts';
import { Attempt } from '../providers/payment-provider';

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
  status: 'initiating' | 'open' | 'authorized' | 'captured' | 'failed' | 'voided' | 'expired' | 'refunded';
  session_status: PaymentSessionStatus;
  provider_reference: string | null;
  data: Record<string, unknown>;
  expires_at: Date;
}

/** Attempts a shopper can still pay, or has paid. */
export const LIVE_ATTEMPT_STATUSES = ['initiating', 'open', 'authorized', 'captured', 'failed'] as const;

export function isLive(attempt: AttemptRow, now = new Date()): boolean {
  return (
    (LIVE_ATTEMPT_STATUSES as readonly string[]).includes(attempt.status) &&
    (attempt.expires_at > now || attempt.status === 'authorized' || attempt.status === 'captured')
  );
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
