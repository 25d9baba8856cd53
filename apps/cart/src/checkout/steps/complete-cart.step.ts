import { Injectable } from '@nestjs/common';
import { CartEvents, CatalogCommands } from '@app/contracts';
import { CommandClient, Outbox, SqlBuilder } from '@app/platform';
import { CheckoutSaga, MoveEffects } from '../checkout-saga.store';
import { CheckoutStep, StepOutcome } from './checkout-step';

/**
 * Sells the reserved stock (the catalog confirms the cart's reservation, once), then marks the cart
 * completed (the cart row locked first, as every cart write does) and announces
 * `events.cart.completed`, in the statement that completes the saga (only if its driver still holds it).
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

  effects(saga: CheckoutSaga, sql: SqlBuilder): MoveEffects {
    const p = (value: unknown) => sql.param(value);
    const [cart, paid] = [p(saga.cart_id), p(saga.payment !== null || saga.amount <= 0)];
    const completed = this.outbox.inStatement(
      CartEvents.completed,
      { id: saga.cart_id },
      {
        cart_id: saga.cart_id,
        order_id: saga.order_id as string,
        total: saga.amount,
        currency_code: saga.currency_code,
      },
      'moved',
      sql.values.length + 1,
    );
    sql.values.push(...completed.values);
    return {
      before: [
        `cart_row AS (UPDATE cart.cart SET completed_at = now(), payment_authorized_at = CASE WHEN ${paid} THEN now() END,
           updated_at = now(), version = version + 1
         WHERE id = ${cart} AND EXISTS (SELECT 1 FROM cart.checkout WHERE cart_id = ${cart} AND lease_token = ${p(saga.lease_token)})
         RETURNING id)`,
        `session AS (UPDATE cart.payment_session SET status = 'authorized', payment_authorized_at = coalesce(payment_authorized_at, now())
         WHERE id = ${p(saga.payment?.session_id ?? null)} AND ${paid} AND EXISTS (SELECT 1 FROM cart_row))`,
      ],
      after: [`completed_event AS (${completed.sql})`],
    };
  }
}
