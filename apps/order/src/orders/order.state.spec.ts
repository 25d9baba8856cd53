import { allowedMoves, refusedMoves } from '@app/platform';
import { canMoveOrderPayment, ORDER_PAYMENT_TRANSITIONS, orderPaymentSourcesOf } from './order.state';

describe("an order's payment status", () => {
  it.each(allowedMoves(ORDER_PAYMENT_TRANSITIONS))('moves %s → %s', (from, to) => {
    expect(canMoveOrderPayment(from, to)).toBe(true);
  });

  it.each(refusedMoves(ORDER_PAYMENT_TRANSITIONS))('never moves %s → %s', (from, to) => {
    expect(canMoveOrderPayment(from, to)).toBe(false);
  });

  it.each([
    ['captured', ['awaiting', 'not_paid']],
    ['canceled', ['awaiting', 'not_paid']],
    ['partially_refunded', ['captured']],
    ['refunded', ['captured', 'partially_refunded']],
  ] as const)('guards a move to %s by %j', (to, from) => {
    expect(orderPaymentSourcesOf(to).sort()).toEqual([...from].sort());
  });
});
