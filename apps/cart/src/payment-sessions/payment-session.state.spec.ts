import { allowedMoves, refusedMoves } from '@app/platform';
import {
  canMovePaymentSession,
  PAYMENT_SESSION_TRANSITIONS,
  paymentSessionSourcesOf,
} from './payment-session.state';

describe("a cart's payment session", () => {
  it.each(allowedMoves(PAYMENT_SESSION_TRANSITIONS))('moves %s → %s', (from, to) => {
    expect(canMovePaymentSession(from, to)).toBe(true);
  });

  it.each(refusedMoves(PAYMENT_SESSION_TRANSITIONS))('never moves %s → %s', (from, to) => {
    expect(canMovePaymentSession(from, to)).toBe(false);
  });

  it.each([
    ['authorized', ['pending', 'requires_more', 'error', 'canceled']],
    ['error', ['pending', 'requires_more', 'canceled']],
    ['canceled', ['pending', 'requires_more', 'error']],
  ] as const)('guards a verdict of %s by %j: a paid session keeps its money', (to, from) => {
    expect(paymentSessionSourcesOf(to).sort()).toEqual([...from].sort());
  });
});
