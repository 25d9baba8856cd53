import { AsyncLocalStorage } from 'node:async_hooks';

/** What travels with one store request through every command and event it causes. */
export interface RequestContext {
  correlationId: string;
  /** The Idempotency-Key of the request being handled (what `Idempotency` runs under). */
  idempotencyKey?: string;
  /**
   * Whether commands sent while handling it carry that key on their own: only at the edge (the
   * gateway turns one store request into one command). Inside an app, a command that needs a key
   * is given one explicitly.
   */
  forwardIdempotencyKey?: boolean;
  /**
   * The signed-in customer the store request acts for, as the gateway resolved it from the
   * request's token or session; it travels with every command the request causes.
   */
  customerId?: string;
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
