import { InFlightTracker } from './in-flight';

describe('InFlightTracker', () => {
  it('is idle when nothing runs', async () => {
    await expect(new InFlightTracker().whenIdle(10)).resolves.toBe(true);
  });

  it('waits for every unit of work to end', async () => {
    const tracker = new InFlightTracker();
    const endFirst = tracker.begin();
    const endSecond = tracker.begin();
    const idle = tracker.whenIdle(1_000);
    endFirst();
    endFirst();
    expect(tracker.size).toBe(1);
    setTimeout(endSecond, 20);
    await expect(idle).resolves.toBe(true);
    expect(tracker.size).toBe(0);
  });

  it('gives up after the timeout', async () => {
    const tracker = new InFlightTracker();
    tracker.begin();
    await expect(tracker.whenIdle(20)).resolves.toBe(false);
  });
});
