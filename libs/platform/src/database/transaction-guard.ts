import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';

/** The transaction the current code runs in; `open` turns false when it commits or rolls back. */
interface TransactionMark {
  open: boolean;
}

const marks = new AsyncLocalStorage<TransactionMark>();
let installed = false;

type Transaction = (...args: unknown[]) => Promise<unknown>;

/**
 * Marks the code that runs inside a TypeORM transaction (`DataSource.transaction` and
 * `EntityManager.transaction` both end here), so that `assertNoTransaction` can tell. Installed once
 * per process by apps that are not in production.
 */
export function markTransactions(): void {
  if (installed) return;
  installed = true;
  const transaction = EntityManager.prototype.transaction as unknown as Transaction;
  (EntityManager.prototype as unknown as { transaction: Transaction }).transaction = function (
    this: EntityManager,
    ...args: unknown[]
  ) {
    const at = typeof args[0] === 'function' ? 0 : 1;
    const work = args[at] as (manager: EntityManager) => Promise<unknown>;
    args[at] = (manager: EntityManager) => {
      const mark: TransactionMark = { open: true };
      return marks.run(mark, () => work(manager)).finally(() => (mark.open = false));
    };
    return transaction.apply(this, args);
  };
}

/** Whether the calling code holds an open database transaction (known once `markTransactions` ran). */
export function insideTransaction(): boolean {
  return marks.getStore()?.open === true;
}

/**
 * DESIGN's rule, enforced where transactions are marked: no database transaction (and so no row
 * lock) is held while the app waits on another app or a provider. Throws naming `what` was called.
 */
export function assertNoTransaction(what: string): void {
  if (insideTransaction()) {
    throw new Error(
      `${what} was called inside a database transaction: commit first, then call (no lock may be held across it)`,
    );
  }
}
