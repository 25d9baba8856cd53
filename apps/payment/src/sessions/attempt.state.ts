import { canMove, sourcesOf, Transitions } from '@app/platform';

/** A payment attempt's status at its provider, as stored. */
export type AttemptStatus =
  'initiating' | 'open' | 'authorized' | 'captured' | 'failed' | 'voided' | 'expired' | 'refunded';

/**
 * A payment attempt's moves (DESIGN "Payments"): recorded `initiating` before its provider is asked,
 * `open` once the provider holds it; paid (`authorized`, or `captured` when the provider takes the
 * money at once) from any unpaid status, also after a failed try; `failed` while unpaid; `expired`
 * when its window passes unpaid; `voided` when let go before capture; `refunded` once all of the
 * captured money went back (partial refunds are counted on the attempt, its status stays captured).
 * Money the provider reports for a voided or expired attempt is recorded (then given back).
 */
export const ATTEMPT_TRANSITIONS: Transitions<AttemptStatus> = {
  initiating: ['open', 'authorized', 'captured', 'failed', 'voided', 'expired'],
  open: ['authorized', 'captured', 'failed', 'voided', 'expired'],
  failed: ['authorized', 'captured', 'voided', 'expired'],
  authorized: ['captured', 'voided'],
  captured: ['refunded'],
  voided: ['authorized', 'captured'],
  expired: ['authorized', 'captured'],
  refunded: [],
};

export function canMoveAttempt(from: AttemptStatus, to: AttemptStatus): boolean {
  return canMove(ATTEMPT_TRANSITIONS, from, to);
}

/** Unpaid and still open: the shopper may pay it (and its window may pass). */
export const PAYABLE_ATTEMPT_STATUSES: readonly AttemptStatus[] = sourcesOf(ATTEMPT_TRANSITIONS, 'expired');

/** Money the provider holds for it. */
export const PAID_ATTEMPT_STATUSES: readonly AttemptStatus[] = ['authorized', 'captured'];

/** The statuses an UPDATE to `to` is guarded by (`to` itself excluded: a repeat changes nothing). */
export function attemptSourcesOf(to: AttemptStatus): AttemptStatus[] {
  return sourcesOf(ATTEMPT_TRANSITIONS, to);
}
