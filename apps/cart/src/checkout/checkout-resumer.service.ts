import { Injectable, Logger, OnApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, PeriodicTask } from '@app/platform';
import { DataSource } from 'typeorm';
import { CheckoutService } from './checkout.service';

const SWEEP_EVERY_MS = 10_000;

/**
 * Finishes checkouts that were waiting for the shopper to pay once the payment has arrived, so the
 * order exists even if the shopper never comes back: at once when the provider's notification is
 * applied, and by a sweep over waiting checkouts whose selected session is authorized (a resume
 * that was interrupted). A completion already in progress (409) is left to finish on its own.
 */
@Injectable()
export class CheckoutResumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckoutResumer.name);
  private readonly task = new PeriodicTask(CheckoutResumer.name, SWEEP_EVERY_MS, () => this.sweep());

  constructor(
    private readonly dataSource: DataSource,
    private readonly checkout: CheckoutService,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }

  /** Resumes the cart's checkout if it is waiting for a payment (after the caller's commit). */
  later(cartId: string): void {
    setImmediate(() => void this.resume(cartId));
  }

  async resume(cartId: string): Promise<void> {
    try {
      const [waiting] = await this.dataSource.query(
        `SELECT 1 FROM cart.checkout WHERE cart_id = $1 AND stage = 'awaiting_payment'`,
        [cartId],
      );
      if (!waiting) return;
      const reply = await this.dataSource.transaction((manager) => this.checkout.complete(manager, cartId));
      if ('type' in reply.body && reply.body.type === 'order') {
        this.logger.log(
          `Checkout of ${cartId} resumed by its payment: order ${reply.body.data.id as string}`,
        );
      }
    } catch (error) {
      if (error instanceof DomainError && error.type === 'conflict') return;
      this.logger.warn(`Checkout of ${cartId} could not be resumed yet: ${(error as Error).message}`);
    }
  }

  private async sweep(): Promise<void> {
    const rows: { cart_id: string }[] = await this.dataSource.query(
      `SELECT c.cart_id FROM cart.checkout c JOIN cart.payment_session ps ON ps.cart_id = c.cart_id AND ps.is_selected
       WHERE c.stage = 'awaiting_payment' AND ps.status = 'authorized' LIMIT 100`,
    );
    for (const row of rows) await this.resume(row.cart_id);
  }
}
