import { Injectable } from '@nestjs/common';
import { OrderEvents, OrderRef, OrderReply, PaymentCommands } from '@app/contracts';
import { CommandClient, DomainError, Outbox } from '@app/platform';
import { DataSource } from 'typeorm';
import { OrderService } from '../orders/order.service';
import { orderPaymentSourcesOf } from '../orders/order.state';
import { sellsGiftCardsColumn } from '../orders/gift-card-sales';

/**
 * `POST /admin/orders/{id}/capture`: takes the order's authorized money at its providers (each
 * capture idempotent there), then marks its payments captured and the order `captured` with
 * `events.order.paid` in one statement (the order's row locked first, as the payment events take
 * it) — answered at once, the payment app's own capture events
 * finding it done. Captured again, it is answered as it is.
 */
@Injectable()
export class OrderCapture {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandClient,
    private readonly outbox: Outbox,
    private readonly orders: OrderService,
  ) {}

  async capture(ref: OrderRef): Promise<OrderReply> {
    const [order] = await this.dataSource.query(
      `SELECT id, display_id, cart_id, email, currency_code, payment_status, ${sellsGiftCardsColumn('o')}
       FROM "order"."order" o WHERE id = $1`,
      [ref.order_id],
    );
    if (!order) throw DomainError.notFound(`Order with id ${ref.order_id} was not found`);
    if (order.payment_status === 'captured') return this.orders.get(ref);
    if (order.payment_status !== 'awaiting') {
      throw DomainError.notAllowed(`An order whose payment is ${order.payment_status} cannot be captured`);
    }
    const authorized: { session_id: string; amount: number }[] = await this.dataSource.query(
      `SELECT session_id, amount FROM "order".payment WHERE order_id = $1 AND captured_at IS NULL AND canceled_at IS NULL`,
      [ref.order_id],
    );
    for (const payment of authorized) {
      await this.commands.request(PaymentCommands.captureSession, { session_id: payment.session_id });
    }
    const total = authorized.reduce((sum, payment) => sum + payment.amount, 0);
    const event = this.outbox.inStatement(
      OrderEvents.paid,
      { id: order.id },
      {
        order_id: order.id,
        display_id: order.display_id,
        cart_id: order.cart_id,
        email: order.email,
        total,
        currency_code: order.currency_code,
        sells_gift_cards: order.sells_gift_cards,
      },
      'moved',
      4,
    );
    await this.dataSource.query(
      `WITH locked AS (SELECT id FROM "order"."order" WHERE id = $1 FOR UPDATE),
       payments AS (
         UPDATE "order".payment SET captured_at = coalesce(captured_at, now()), updated_at = now()
         WHERE order_id = (SELECT id FROM locked) AND session_id = ANY($2) RETURNING id),
       moved AS (
         UPDATE "order"."order" SET payment_status = 'captured', updated_at = now()
         WHERE id = $1 AND payment_status = ANY($3) RETURNING id),
       event AS (${event.sql})
       SELECT id FROM moved`,
      [
        order.id,
        authorized.map((payment) => payment.session_id),
        orderPaymentSourcesOf('captured').filter((status) => status !== 'not_paid'),
        ...event.values,
      ],
    );
    return this.orders.get(ref);
  }
}
