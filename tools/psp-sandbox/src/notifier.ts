import { randomUUID } from 'node:crypto';

/** One notification as the sandbox sends it: a body and how to sign each delivery of it. */
export interface Outgoing {
  url: string;
  /** The same on every retry. */
  eventId: string;
  body: string;
  contentType: string;
  /** Fresh headers for each delivery (new timestamp and nonce where the provider signs them). */
  sign: (body: string) => Record<string, string>;
  /** Whether the answer means "received" in the provider's protocol. */
  accepted: (status: number, text: string) => boolean;
}

export interface Delivery {
  id: string;
  event_id: string;
  url: string;
  attempt: number;
  status: number | null;
  answer: string;
  at: string;
}

/**
 * Delivers notifications as payment providers do: POSTed until the receiver answers with its
 * protocol's success, retried with backoff, each retry signed anew (new timestamp and nonce, same
 * event id). Every delivery is logged, for tests and people to inspect.
 */
export class Notifier {
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly backoffMs: number[],
    /** While true, notifications are lost (a fault for tests). */
    private readonly dropping: () => boolean = () => false,
  ) {}

  send(outgoing: Outgoing): void {
    if (this.dropping()) return;
    void this.attempt(outgoing, 1);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  private async attempt(outgoing: Outgoing, attempt: number): Promise<void> {
    if (this.stopped) return;
    let status: number | null = null;
    let answer = '';
    try {
      const response = await fetch(outgoing.url, {
        method: 'POST',
        headers: { 'content-type': outgoing.contentType, ...outgoing.sign(outgoing.body) },
        body: outgoing.body,
        signal: AbortSignal.timeout(5_000),
      });
      status = response.status;
      answer = await response.text();
    } catch (error) {
      answer = (error as Error).message;
    }
    this.deliveries.push({
      id: randomUUID(),
      event_id: outgoing.eventId,
      url: outgoing.url,
      attempt,
      status,
      answer: answer.slice(0, 200),
      at: new Date().toISOString(),
    });
    if (status !== null && outgoing.accepted(status, answer)) return;
    const delay = this.backoffMs[attempt - 1];
    if (delay === undefined || this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(outgoing, attempt + 1);
    }, delay);
    this.timers.add(timer);
  }
}
