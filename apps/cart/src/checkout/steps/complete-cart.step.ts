import { Injectable } from '@nestjs/common';
import { CartEvents, CatalogCommands } from '@app/contracts';
import { CommandClient, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { CheckoutSaga } from '../checkout-saga.store';
import { CheckoutStep, StepOutcome } from './checkout-step';

/**
 * Sells the reserved stock (the catalog confirms the cart's reservation, once), then marks the cart
 * completed (the cart row locked first, as every cart write does) and announces
 * `events.cart.completed`, in the transaction that completes the saga.
 */
@Injectable()
export class CompleteCartStep implements CheckoutStep {
  readonly name = 'complete-cart';
  readonly from = 'placed' as const;
  readonly to = 'completed' as const;

  constructor(
    private readonly commands: CommandClient,
    private readonly outbox: Outbox,
  ) {}

  async run(saga: CheckoutSaga): Promise<StepOutcome> {
    await this.commands.request(CatalogCommands.confirmInventory, { reservation_key: saga.cart_id });
    return { kind: 'done' };
  }

  async commit(manager: EntityManager, saga: CheckoutSaga): Promise<void> {
    const paid = saga.payment !== null || saga.amount <= 0;
    await manager.query(
      `WITH cart_row AS (
         UPDATE cart.cart SET completed_at = now(), payment_authorized_at = CASE WHEN $2 THEN now() END,
           updated_at = now(), version = version + 1
         WHERE id = $1 RETURNING id)
       UPDATE cart.payment_session SET status = 'authorized', payment_authorized_at = coalesce(payment_authorized_at, now())
       WHERE id = $3 AND $2 AND EXISTS (SELECT 1 FROM cart_row)`,
      [saga.cart_id, paid, saga.payment?.session_id ?? null],
    );
    await this.outbox.record(
      manager,
      CartEvents.completed,
      { id: saga.cart_id },
      {
        cart_id: saga.cart_id,
        order_id: saga.order_id as string,
        total: saga.amount,
        currency_code: saga.currency_code,
      },
    );
  }
}
