import { canMove, sourcesOf, Transitions } from '@app/platform';

/**
 * The checkout saga's stages and the moves between them (DESIGN "Checkout"). A checkout starts
 * (the cart frozen), reserves the stock, has the payment authorized (or waits for the shopper to pay
 * at the provider), places the order, then sells the stock and completes the cart. A refusal on the
 * way compensates every step (stock released, payment voided or refunded) and ends `failed`; a
 * failed or waiting checkout starts again when the cart is completed again.
 */
export type CheckoutStage =
  | 'started'
  | 'reserved'
  | 'awaiting_payment'
  | 'authorized'
  | 'placed'
  | 'completed'
  | 'compensating'
  | 'failed';

export const CHECKOUT_TRANSITIONS: Transitions<CheckoutStage> = {
  started: ['reserved', 'compensating'],
  reserved: ['authorized', 'awaiting_payment', 'compensating'],
  awaiting_payment: ['started', 'compensating'],
  authorized: ['placed', 'compensating'],
  placed: ['completed'],
  completed: [],
  compensating: ['failed'],
  failed: ['started'],
};

/** Stages in which a driver is at work on the checkout (the cart may not change meanwhile). */
export const CHECKOUT_ACTIVE_STAGES: readonly CheckoutStage[] = [
  'started',
  'reserved',
  'authorized',
  'placed',
  'compensating',
];

/** Whether the saga may move from `from` to `to` (staying where it is is always allowed). */
export function canMoveCheckout(from: CheckoutStage, to: CheckoutStage): boolean {
  return canMove(CHECKOUT_TRANSITIONS, from, to);
}

/**
 * The stages from which the saga may be moved to `to`, `to` itself included: a driver's move to the
 * stage it holds renews its lease (a compensation resumed by the sweep).
 */
export function checkoutStagesInto(to: CheckoutStage): CheckoutStage[] {
  return [...sourcesOf(CHECKOUT_TRANSITIONS, to), to];
}
