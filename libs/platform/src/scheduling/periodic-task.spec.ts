import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  it('never runs twice at once, and keeps going after a failure', async () => {
    let active = 0;
    let overlap = false;
    let runs = 0;
    const task = new PeriodicTask('test', 5, async () => {
      active += 1;
      overlap ||= active > 1;
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      active -= 1;
      if (runs === 1) throw new Error('first run fails');
    });
    task.start();
    await new Promise((resolve) => setTimeout(resolve, 120));
    task.stop();
    const stopped = runs;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(overlap).toBe(false);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(stopped + 1);
  });
});
