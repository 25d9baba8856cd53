import { canMove, sourcesOf, Transitions } from '@app/platform';

/** An order's `payment_status`, as Medusa names them (those this order app reaches). */
export type OrderPaymentStatus =
  'not_paid' | 'awaiting' | 'captured' | 'partially_refunded' | 'refunded' | 'canceled';

/**
 * How an order's payment status follows its payment: placed `awaiting` (authorized) or `captured`,
 * or submitted `not_paid` (paid after it is placed: `captured` once everything due is paid, canceled
 * by the customer or when its window passes);
 * captured once the money is taken; canceled when the authorization is released before capture;
 * partially refunded, then refunded, as money goes back.
 */
export const ORDER_PAYMENT_TRANSITIONS: Transitions<OrderPaymentStatus> = {
  not_paid: ['captured', 'canceled'],
  awaiting: ['captured', 'canceled'],
  captured: ['partially_refunded', 'refunded'],
  partially_refunded: ['refunded'],
  refunded: [],
  canceled: [],
};

export function canMoveOrderPayment(from: OrderPaymentStatus, to: OrderPaymentStatus): boolean {
  return canMove(ORDER_PAYMENT_TRANSITIONS, from, to);
}

/** The payment statuses an UPDATE to `to` is guarded by (`to` itself excluded: a repeat changes nothing). */
export function orderPaymentSourcesOf(to: OrderPaymentStatus): OrderPaymentStatus[] {
  return sourcesOf(ORDER_PAYMENT_TRANSITIONS, to);
}
