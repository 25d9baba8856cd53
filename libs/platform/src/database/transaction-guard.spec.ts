import { EntityManager } from 'typeorm';
import { assertNoTransaction, insideTransaction, markTransactions } from './transaction-guard';

/** An EntityManager whose transaction runs the work at once, as TypeORM's does between BEGIN and COMMIT. */
function fakeManager(): EntityManager {
  return Object.create(EntityManager.prototype) as EntityManager;
}

describe('the transaction guard', () => {
  const original = EntityManager.prototype.transaction;

  beforeAll(() => {
    EntityManager.prototype.transaction = function (
      this: EntityManager,
      ...args: unknown[]
    ): Promise<unknown> {
      const work = args[typeof args[0] === 'function' ? 0 : 1] as (
        manager: EntityManager,
      ) => Promise<unknown>;
      return work(this);
    } as typeof original;
    markTransactions();
  });
  afterAll(() => {
    EntityManager.prototype.transaction = original;
  });

  it('knows the code inside a transaction, and only while it is open', async () => {
    expect(insideTransaction()).toBe(false);
    let later: Promise<boolean> | undefined;
    await fakeManager().transaction(async () => {
      expect(insideTransaction()).toBe(true);
      expect(() => assertNoTransaction('catalog.price.variants')).toThrow(
        'catalog.price.variants was called inside a database transaction',
      );
      // Work scheduled from inside runs after the commit: it holds nothing.
      later = new Promise((resolve) => setTimeout(() => resolve(insideTransaction()), 10));
    });
    expect(insideTransaction()).toBe(false);
    expect(await later).toBe(false);
    expect(() => assertNoTransaction('anything')).not.toThrow();
  });

  it('marks a transaction with an isolation level too', async () => {
    await fakeManager().transaction('SERIALIZABLE', async () => {
      expect(insideTransaction()).toBe(true);
    });
  });
});
