import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, PeriodicWork } from '@app/platform';
import { CheckoutSagas } from './checkout-saga.store';
import { CHECKOUT_CONFIG, CheckoutConfig } from './checkout.config';
import { CheckoutService } from './checkout.service';

const BATCH = 50;

/**
 * Drives checkouts nobody is driving: at once when a waiting checkout's payment arrives (the
 * provider's notification), and by a sweep over checkouts whose driver's lease expired (a crash, or
 * a step that failed unexpectedly: each goes on from its stage, or finishes its compensation) and
 * over waiting checkouts whose payment was recorded but whose resume was interrupted.
 */
@Injectable()
export class CheckoutRecovery extends PeriodicWork {
  private readonly logger = new Logger(CheckoutRecovery.name);

  constructor(
    private readonly sagas: CheckoutSagas,
    private readonly checkout: CheckoutService,
    @Inject(CHECKOUT_CONFIG) config: CheckoutConfig,
  ) {
    super();
    this.runEvery(CheckoutRecovery.name, config.sweepMs, () => this.sweep());
  }

  /**
   * Drives the cart's checkout once the caller's transaction has committed (a payment recorded for a
   * waiting checkout, or its expiry).
   */
  driveAfterCommit(cartId: string): void {
    setImmediate(() => void this.drive(cartId));
  }

  /** Drives the cart's checkout if it has one nobody drives; one held by another driver is left to it. */
  async drive(cartId: string): Promise<void> {
    try {
      const reply = await this.checkout.resume(cartId);
      if (reply && 'type' in reply.body && reply.body.type === 'order') {
        this.logger.log(`Checkout of ${cartId} driven to its order ${reply.body.data.id as string}`);
      }
    } catch (error) {
      if (error instanceof DomainError && error.type === 'conflict') return;
      if (error instanceof DomainError) {
        this.logger.log(`Checkout of ${cartId} ended without an order: ${error.message}`);
        return;
      }
      this.logger.warn(`Checkout of ${cartId} could not be driven yet: ${(error as Error).message}`);
    }
  }

  private async sweep(): Promise<void> {
    for (const cartId of await this.sagas.abandoned(BATCH)) await this.drive(cartId);
    for (const cartId of await this.sagas.paidWhileWaiting(BATCH)) await this.drive(cartId);
  }
}
