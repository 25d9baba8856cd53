import { createInbox, Msg, MsgHdrs, NatsConnection, Subscription } from 'nats';
import { CommandTimeoutError, ServiceUnavailableError } from '../errors/transport-errors';

interface Pending {
  resolve(msg: Msg): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  subject: string;
}

const NO_RESPONDERS = 503;

/**
 * Request-reply over one wildcard inbox subscription, as nats.js's own request() does, without its
 * per-request costs (a cancellation error with a stack trace built for every successful request).
 * Replies are matched by a token in the reply subject; the server's 503 status message means no app
 * listens on the subject.
 */
export class RequestMux {
  private readonly prefix: string;
  private readonly pending = new Map<string, Pending>();
  private readonly subscription: Subscription;
  private sequence = 0;

  /** `inboxPrefix`: the connection's own (its user may subscribe only under it). */
  constructor(
    private readonly nc: NatsConnection,
    inboxPrefix?: string,
  ) {
    this.prefix = `${createInbox(inboxPrefix)}.`;
    this.subscription = nc.subscribe(`${this.prefix}*`, { callback: (_error, msg) => this.settle(msg) });
  }

  /** Publishes `data` on `subject` and resolves with the first reply within `timeoutMs`. */
  request(subject: string, data: Uint8Array, headers: MsgHdrs, timeoutMs: number): Promise<Msg> {
    this.sequence = (this.sequence + 1) % Number.MAX_SAFE_INTEGER;
    const token = this.sequence.toString(36);
    return new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new CommandTimeoutError(subject, timeoutMs));
      }, timeoutMs);
      this.pending.set(token, { resolve, reject, timer, subject });
      try {
        this.nc.publish(subject, data, { reply: this.prefix + token, headers });
      } catch (error) {
        clearTimeout(timer);
        this.pending.delete(token);
        reject(new ServiceUnavailableError(subject, error instanceof Error ? error.message : String(error)));
      }
    });
  }

  /** Stops listening; requests still waiting fail as unavailable. */
  close(): void {
    this.subscription.unsubscribe();
    for (const [token, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      this.pending.delete(token);
      waiting.reject(new ServiceUnavailableError(waiting.subject, 'connection closed'));
    }
  }

  private settle(msg: Msg | undefined): void {
    if (!msg) return;
    const token = msg.subject.slice(this.prefix.length);
    const waiting = this.pending.get(token);
    if (!waiting) return;
    this.pending.delete(token);
    clearTimeout(waiting.timer);
    if (msg.headers?.code === NO_RESPONDERS && msg.data.length === 0) {
      waiting.reject(new ServiceUnavailableError(waiting.subject, 'no responders'));
    } else {
      waiting.resolve(msg);
    }
  }
}
