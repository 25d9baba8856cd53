import { DomainError } from '@app/platform';
import { PointsCommands, PointsMovement } from '@app/contracts';
import { createTestEnvironment, TestEnvironment } from '../../../test/support/test-environment';

/** The points ledger, driven through the payment app's commands on real Postgres. */
describe('payment app: the points ledger', () => {
  let env: TestEnvironment;
  let serial = 0;
  const customer = () => `cus_points_${Date.now()}_${(serial += 1)}`;
  const move = (movement: Omit<PointsMovement, 'key'> & { key?: string }) =>
    env.commands.request(PointsCommands.move, { key: `test-${Math.random()}`, ...movement });

  beforeAll(async () => {
    env = await createTestEnvironment({ apps: ['payment'], freshDatabase: true });
  });
  afterAll(() => env.close());

  it('of 20 parallel spends against a balance that covers 5, exactly 5 take effect', async () => {
    const id = customer();
    await move({ customer_id: id, type: 'earn', points: 50 });
    const spends = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        move({ customer_id: id, type: 'hold', points: -10, order_id: `order_${index}` }),
      ),
    );
    const refused = spends.filter((spend) => spend.status === 'rejected');
    expect(spends.filter((spend) => spend.status === 'fulfilled')).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const spend of refused) {
      expect((spend as PromiseRejectedResult).reason).toMatchObject({ code: 'insufficient_points' });
      expect((spend as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    }
    const ledger = await env.commands.request(PointsCommands.get, { customer_id: id });
    expect(ledger.balance).toBe(0);
    expect(ledger.count).toBe(6);
    expect(ledger.entries.reduce((sum, entry) => sum + entry.points, 0)).toBe(0);
  });

  it('moves points once per key, and never below zero', async () => {
    const id = customer();
    const first = await move({
      customer_id: id,
      key: 'earn-once',
      type: 'earn',
      points: 30,
      order_id: 'order_1',
    });
    const again = await move({
      customer_id: id,
      key: 'earn-once',
      type: 'earn',
      points: 30,
      order_id: 'order_1',
    });
    expect(first).toEqual({ balance: 30, applied: true });
    expect(again).toEqual({ balance: 30, applied: false });
    const racing = await Promise.all(
      Array.from({ length: 5 }, () =>
        move({ customer_id: id, key: 'adjust-race', type: 'adjust', points: 5 }),
      ),
    );
    expect(racing.filter((result) => result.applied)).toHaveLength(1);
    await expect(move({ customer_id: id, type: 'spend', points: -36 })).rejects.toMatchObject({
      code: 'insufficient_points',
    });
    await expect(move({ customer_id: customer(), type: 'spend', points: -1 })).rejects.toMatchObject({
      code: 'insufficient_points',
    });
    const ledger = await env.commands.request(PointsCommands.get, { customer_id: id, limit: 1 });
    expect(ledger).toMatchObject({ balance: 35, count: 2, offset: 0, limit: 1 });
    expect(ledger.entries).toEqual([expect.objectContaining({ type: 'adjust', points: 5, order_id: null })]);
  });
});
