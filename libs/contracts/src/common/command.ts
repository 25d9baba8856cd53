/**
 * A command is a NATS request-reply subject with the request and reply types it carries.
 * Declaring both here lets a caller's `request()` be type-checked end to end.
 */
export interface Command<Request, Reply> {
  readonly subject: string;
  /** Phantom fields: never set at run time, they only carry the types. */
  readonly __request?: Request;
  readonly __reply?: Reply;
}

/** Declares a command subject `<context>.<entity>.<verb>` with its request and reply types. */
export function command<Request, Reply>(subject: string): Command<Request, Reply> {
  return { subject };
}

export type RequestOf<C> = C extends Command<infer Request, unknown> ? Request : never;
export type ReplyOf<C> = C extends Command<unknown, infer Reply> ? Reply : never;
