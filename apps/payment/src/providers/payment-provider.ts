import { PaymentContext, PaymentProviderId, PaymentSessionStatus } from '@app/contracts';
import { ProviderAnswer } from './provider-http';

/** One attempt to be paid: a provider-side session or trade for an amount (our `trans_id`). */
export interface Attempt {
  /** Our id of the attempt (`ptx_…`), sent to the provider as its merchant-side reference. */
  id: string;
  session_id: string;
  cart_id: string;
  provider_id: PaymentProviderId;
  amount: number;
  currency_code: string;
  /** The provider's id of the session / transaction, once it has one. */
  provider_reference: string | null;
  expires_at: Date;
}

export interface InitiateInput {
  attempt: Attempt;
  context: PaymentContext;
}

/** What a provider reports after opening a session; the payment app decides what to store. */
export interface Initiated {
  status: Extract<PaymentSessionStatus, 'pending' | 'requires_more' | 'authorized'>;
  provider_reference: string | null;
  /** What the storefront needs to pay (hosted page URL, app-pay parameters, order string). */
  data: Record<string, unknown>;
}

/** The provider's view of an attempt, when asked. */
export type ProviderStatus = 'open' | 'authorized' | 'captured' | 'failed' | 'voided' | 'expired' | 'unknown';

/** What a provider knows of a refund we asked for: taken, under way, or never received. */
export type RefundStatus = 'succeeded' | 'pending' | 'unknown';

/** A card the provider keeps for a customer (a card on file): its token, and what a shopper may see of it. */
export interface StoredCard {
  /** The provider's token: used to forget the card, never shown or kept by us. */
  token: string;
  /** Lower case, as Medusa's storefronts show it: `visa`, `mastercard`… */
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  created_at: string | null;
}

/** A notification whose signature, time and origin the provider checked. */
export interface VerifiedNotification {
  /** The provider's id of this event: the same on every retry of it. */
  event_id: string;
  /** The one-time value of this delivery, when the provider signs one. */
  nonce: string | null;
  /** Our attempt id the provider names. */
  attempt_id: string;
  provider_reference: string | null;
  outcome: 'authorized' | 'captured' | 'failed' | 'refunded' | 'other';
  /** The amount paid, or for `refunded` the amount given back. */
  amount: number;
  currency_code: string;
  /** For `refunded`: our refund id the provider names. */
  refund_id?: string;
}

/** Thrown by `verify` when a notification must not be trusted; the reason is logged, never shown. */
export class NotificationRejected extends Error {}

/**
 * One payment provider. It talks to its provider and *reports*; the payment app decides: it stores
 * states, moves the state machines and writes events. Every call that changes something at the
 * provider carries our attempt id, so that a retry after a timeout is answered, not repeated.
 */
export interface PaymentProvider {
  readonly id: PaymentProviderId;
  initiate(input: InitiateInput): Promise<Initiated>;
  /** Voids an open or authorized, uncaptured attempt. Idempotent. */
  cancel(attempt: Attempt): Promise<void>;
  status(attempt: Attempt): Promise<ProviderStatus>;
  /** Whether the attempt's money is there now (manual: always): a status query that may settle a lost notification. */
  authorize(attempt: Attempt): Promise<ProviderStatus>;
  capture(attempt: Attempt): Promise<void>;
  refund(attempt: Attempt, amount: number, refundId: string): Promise<void>;
  /** The provider's refund query, where it has one (the cashier's 退款查询). */
  refundStatus?(attempt: Attempt, refundId: string): Promise<RefundStatus>;
  /** The cards the provider keeps for the customer (the cashier's token query), where it keeps any. */
  savedCards?(customerId: string): Promise<StoredCard[]>;
  /** Forgets one of the customer's cards at the provider (the cashier's token delete); gone already is done. */
  removeSavedCard?(customerId: string, token: string): Promise<void>;
  /** Data a storefront sends for the selected session (`POST …/payment-sessions/{provider}`). */
  updateData(
    attempt: Attempt,
    data: Record<string, unknown>,
    current: Record<string, unknown>,
  ): Record<string, unknown>;
  /** Checks a notification on its raw bytes; throws NotificationRejected when it is not genuine. */
  verify(body: Buffer, headers: Record<string, string>, now: Date): VerifiedNotification;
  /** The provider's protocol for "received, do not send again" and "rejected". */
  acknowledge(): ProviderAnswer;
  refuse(): ProviderAnswer;
}
