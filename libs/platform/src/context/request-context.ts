import { AsyncLocalStorage } from 'node:async_hooks';

/** What travels with one store request through every command and event it causes. */
export interface RequestContext {
  correlationId: string;
  idempotencyKey?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `context` as the current request context (also for everything it awaits). */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request context, if code runs inside one. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
