import { Injectable } from '@nestjs/common';
import {
  EventEnvelope,
  OrderEvents,
  PaymentEvents,
  PaymentRefunded,
  PaymentSessionChanged,
} from '@app/contracts';
import { eventData, EventSubscriber, TransactionalSubscription, Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { orderPaymentSourcesOf } from '../orders/order.state';

interface OrderOfPayment {
  order_id: string;
  display_id: number;
  cart_id: string;
  email: string;
  currency_code: string;
  amount: number;
  amount_refunded: number;
  /** Whether the payment counts for the order (it was taken); a superseded attempt's money does not. */
  counted: boolean;
}

/** The order whose payment was made with this session, and that payment, after `change`. */
async function paymentOf(
  manager: EntityManager,
  change: string,
  values: unknown[],
): Promise<OrderOfPayment | null> {
  // The order's row first, as every writer of an order and its payments takes them (the admin's
  // capture, the cancellation): taking the payment's first deadlocked against a capture.
  await manager.query(
    `SELECT 1 FROM "order"."order" WHERE id = (SELECT order_id FROM "order".payment WHERE session_id = $1) FOR UPDATE`,
    [values[0]],
  );
  // An UPDATE answers [rows, count].
  const [[payment]]: [OrderOfPayment[], number] = await manager.query(
    `UPDATE "order".payment p SET ${change}, updated_at = now()
     FROM "order"."order" o WHERE o.id = p.order_id AND p.session_id = $1
     RETURNING p.order_id, o.display_id, o.cart_id, o.email, o.currency_code, p.amount, p.amount_refunded,
       (p.captured_at IS NOT NULL OR o.pay_expire IS NULL) AS counted`,
    values,
  );
  return payment ?? null;
}

/** Captured: the order is paid (`payment_status` captured, `events.order.paid`). */
@Injectable()
@EventSubscriber()
export class PaymentCapturedSubscriber implements TransactionalSubscription {
  readonly consumer = 'order-payment-captured';
  readonly subject = PaymentEvents.captured.subject;

  constructor(private readonly outbox: Outbox) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const captured = eventData(event, PaymentSessionChanged);
    const payment = await paymentOf(manager, 'captured_at = coalesce(p.captured_at, now())', [
      captured.session_id,
    ]);
    if (!payment) return;
    const [, moved] = await manager.query(
      `UPDATE "order"."order" SET payment_status = 'captured', updated_at = now() WHERE id = $1 AND payment_status = ANY($2)`,
      [payment.order_id, orderPaymentSourcesOf('captured')],
    );
    if (!moved) return;
    await this.outbox.record(
      manager,
      OrderEvents.paid,
      { id: payment.order_id },
      {
        order_id: payment.order_id,
        display_id: payment.display_id,
        cart_id: payment.cart_id,
        email: payment.email,
        total: payment.amount,
        currency_code: payment.currency_code,
      },
    );
  }
}

/** Money went back: the order is `partially_refunded`, or `refunded` once all of it has. */
@Injectable()
@EventSubscriber()
export class PaymentRefundedSubscriber implements TransactionalSubscription {
  readonly consumer = 'order-payment-refunded';
  readonly subject = PaymentEvents.refunded.subject;

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const refunded = eventData(event, PaymentRefunded);
    const payment = await paymentOf(manager, 'amount_refunded = least(p.amount, p.amount_refunded + $2)', [
      refunded.session_id,
      refunded.amount,
    ]);
    if (!payment?.counted) return;
    const status = payment.amount_refunded >= payment.amount ? 'refunded' : 'partially_refunded';
    await manager.query(
      `UPDATE "order"."order" SET payment_status = $2, updated_at = now() WHERE id = $1 AND payment_status = ANY($3)`,
      [payment.order_id, status, orderPaymentSourcesOf(status)],
    );
  }
}

/**
 * An authorized payment released before capture: nothing was taken, so the order is canceled and
 * `events.order.canceled` tells the catalog to put what it sold back on the shelf.
 */
@Injectable()
@EventSubscriber()
export class PaymentCanceledSubscriber implements TransactionalSubscription {
  readonly consumer = 'order-payment-canceled';
  readonly subject = PaymentEvents.canceled.subject;

  constructor(private readonly outbox: Outbox) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const canceled = eventData(event, PaymentSessionChanged);
    const payment = await paymentOf(manager, 'canceled_at = coalesce(p.canceled_at, now())', [
      canceled.session_id,
    ]);
    if (!payment) return;
    const [, moved] = await manager.query(
      `UPDATE "order"."order" SET status = 'canceled', payment_status = 'canceled',
         canceled_at = coalesce(canceled_at, now()), updated_at = now() WHERE id = $1 AND payment_status = ANY($2)`,
      [payment.order_id, orderPaymentSourcesOf('canceled')],
    );
    if (!moved) return;
    await this.outbox.record(
      manager,
      OrderEvents.canceled,
      { id: payment.order_id },
      { order_id: payment.order_id, cart_id: payment.cart_id, reason: 'payment' },
    );
  }
}
