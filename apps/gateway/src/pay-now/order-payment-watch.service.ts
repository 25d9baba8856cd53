import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OrderEvents } from '@app/contracts';
import { NatsConnectionService } from '@app/platform';
import { Subscription } from 'nats';

/** A wait for one order's payment to settle. */
export interface PaymentWait {
  /** Resolves when the order's payment settled, or after `ms`, whichever comes first. */
  within(ms: number): Promise<void>;
  /** Stops waiting (always, once the request is answered). */
  end(): void;
}

/** Events after which an order's payment status reads differently: paid, canceled, a payment made (a deposit). */
const SETTLING = new Set([
  OrderEvents.paid.subject,
  OrderEvents.canceled.subject,
  OrderEvents.paymentPaid.subject,
]);

/**
 * Wakes requests that wait for an order's payment (`GET /store/orders/{id}/payment-status?wait=N`)
 * when the order is paid or canceled. Each gateway replica listens once to the order events as
 * they are published (a plain NATS subscription beside JetStream's stream, so every replica hears
 * every event), and keeps its waiting requests in a map by order: hundreds waiting cost a timer each.
 */
@Injectable()
export class OrderPaymentWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrderPaymentWatch.name);
  private readonly waiting = new Map<string, Set<() => void>>();
  private subscription?: Subscription;
  private stopped = false;

  constructor(private readonly nats: NatsConnectionService) {}

  onApplicationBootstrap(): void {
    void this.nats
      .start()
      .then(() => {
        if (this.stopped) return;
        this.subscription = this.nats.connection.subscribe('events.order.>', {
          callback: (error, message) => {
            if (error || !SETTLING.has(message.subject)) return;
            try {
              this.wake((message.json() as { aggregate_id: string }).aggregate_id);
            } catch (failure) {
              this.logger.warn(`Unreadable order event: ${(failure as Error).message}`);
            }
          },
        });
      })
      .catch((error: Error) => this.logger.warn(`Cannot watch order events: ${error.message}`));
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
  }

  /** Starts listening for the order before its status is read, so that no settlement is missed in between. */
  watch(orderId: string): PaymentWait {
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    const waiters = this.waiting.get(orderId) ?? new Set();
    waiters.add(wake);
    this.waiting.set(orderId, waiters);
    let timer: NodeJS.Timeout | undefined;
    return {
      within: (ms) =>
        Promise.race([woken, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]),
      end: () => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (!waiters.size && this.waiting.get(orderId) === waiters) this.waiting.delete(orderId);
      },
    };
  }

  private wake(orderId: string): void {
    for (const wake of this.waiting.get(orderId) ?? []) wake();
  }
}
