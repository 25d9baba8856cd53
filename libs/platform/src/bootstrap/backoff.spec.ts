import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles its ceiling from min up to max', () => {
    const ceilings = new Backoff(100, 1_000, () => 1);
    expect(Array.from({ length: 6 }, () => ceilings.next())).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('jitters between min and the ceiling, and resets', () => {
    const backoff = new Backoff(100, 1_000, () => 0.5);
    backoff.next();
    expect(backoff.next()).toBe(150);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });
});
