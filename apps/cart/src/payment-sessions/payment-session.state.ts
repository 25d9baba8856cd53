import { PaymentSessionStatus } from '@app/contracts';
import { canMove, sourcesOf, Transitions } from '@app/platform';

/**
 * A cart's payment session as the payment app's verdicts move it (DESIGN "Payments"): paid
 * (`authorized`) from any unpaid status, refused (`error`) or closed (`canceled`, expired) while
 * unpaid, waiting for the shopper (`requires_more`) until then. A paid session moves no more; a session
 * the cart resets (a new total, another provider) starts over as `pending`, which is a new provider
 * session rather than a move.
 */
export const PAYMENT_SESSION_TRANSITIONS: Transitions<PaymentSessionStatus> = {
  pending: ['authorized', 'requires_more', 'error', 'canceled'],
  requires_more: ['authorized', 'error', 'canceled'],
  error: ['authorized', 'requires_more', 'canceled'],
  canceled: ['authorized', 'requires_more', 'error'],
  authorized: [],
};

export function canMovePaymentSession(from: PaymentSessionStatus, to: PaymentSessionStatus): boolean {
  return canMove(PAYMENT_SESSION_TRANSITIONS, from, to);
}

/** The statuses an UPDATE to `to` is guarded by (`to` itself excluded: a repeat changes nothing). */
export function paymentSessionSourcesOf(to: PaymentSessionStatus): PaymentSessionStatus[] {
  return sourcesOf(PAYMENT_SESSION_TRANSITIONS, to);
}
