import { allowedMoves, refusedMoves } from '@app/platform';
import {
  ATTEMPT_TRANSITIONS,
  attemptSourcesOf,
  canMoveAttempt,
  PAYABLE_ATTEMPT_STATUSES,
} from './attempt.state';

describe('payment attempt transitions', () => {
  it.each(allowedMoves(ATTEMPT_TRANSITIONS))('allows %s → %s', (from, to) => {
    expect(canMoveAttempt(from, to)).toBe(true);
  });

  it.each(refusedMoves(ATTEMPT_TRANSITIONS))('refuses %s → %s', (from, to) => {
    expect(canMoveAttempt(from, to)).toBe(false);
  });

  it.each([
    ['authorized', ['initiating', 'open', 'failed', 'voided', 'expired']],
    ['captured', ['initiating', 'open', 'failed', 'authorized', 'voided', 'expired']],
    ['voided', ['initiating', 'open', 'failed', 'authorized']],
    ['expired', ['initiating', 'open', 'failed']],
    ['failed', ['initiating', 'open']],
    ['refunded', ['captured']],
  ] as const)('guards a move to %s by %j', (to, from) => {
    expect(attemptSourcesOf(to).sort()).toEqual([...from].sort());
  });

  it('pays only what is unpaid and open: never a closed or already paid attempt', () => {
    expect([...PAYABLE_ATTEMPT_STATUSES].sort()).toEqual(['failed', 'initiating', 'open']);
  });

  it('leaves a closed status only for money the provider reports after all', () => {
    expect(ATTEMPT_TRANSITIONS.refunded).toEqual([]);
    for (const closed of ['voided', 'expired'] as const)
      expect([...ATTEMPT_TRANSITIONS[closed]].sort()).toEqual(['authorized', 'captured']);
  });
});
