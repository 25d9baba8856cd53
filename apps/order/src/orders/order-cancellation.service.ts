import { Injectable } from '@nestjs/common';
import {
  CustomerOrderRef,
  OrderCanceled,
  OrderEvents,
  OrderRef,
  OrderReply,
  PaymentCommands,
} from '@app/contracts';
import { CommandClient, DomainError, Outbox } from '@app/platform';
import { DataSource } from 'typeorm';
import { OrderService } from './order.service';

/**
 * Cancels orders nobody paid (取消订单): the customer's own, or any whose pay window passed. One
 * statement moves a `not_paid` order to canceled and records `events.order.canceled`, on which the
 * catalog puts its stock (and presale units) back and the payment app gives held points back and
 * closes (or refunds) whatever payment was still open. A paid order is never canceled here; nor, by
 * its customer, a presale order whose deposit is paid. A presale order whose balance window closed
 * unpaid keeps its deposit (`keep_paid`) unless the offer's deposit is refundable.
 */
@Injectable()
export class OrderCancellation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly orders: OrderService,
    private readonly commands: CommandClient,
  ) {}

  /** `POST /store/orders/{id}/cancel`: the customer's unpaid order; canceled again, it is answered as it is. */
  async byCustomer(ref: CustomerOrderRef): Promise<OrderReply> {
    const [order] = await this.dataSource.query(
      'SELECT payment_status, status FROM "order"."order" WHERE id = $1 AND customer_id = $2 AND NOT guest',
      [ref.order_id, ref.customer_id],
    );
    if (!order) throw DomainError.notFound(`Order with id ${ref.order_id} was not found`);
    if (order.status !== 'canceled' && !(await this.cancel(ref.order_id, 'customer'))) {
      throw DomainError.notAllowed(
        'Only an order that is not paid yet can be canceled; a paid order is refunded by the store',
        'order_paid',
      );
    }
    return this.orders.get({ order_id: ref.order_id });
  }

  /**
   * `POST /admin/orders/{id}/cancel`: an order not paid yet — submitted and waiting, or authorized and
   * not captured (its money voided at the provider first) — is canceled; canceled again, it is
   * answered as it is; one whose money was taken is refused (it is refunded, not canceled).
   */
  async byMerchant(ref: OrderRef): Promise<OrderReply> {
    const [order] = await this.dataSource.query(
      'SELECT payment_status, status, fulfillment_status FROM "order"."order" WHERE id = $1',
      [ref.order_id],
    );
    if (!order) throw DomainError.notFound(`Order with id ${ref.order_id} was not found`);
    if (order.status === 'canceled') return this.orders.get(ref);
    if (order.fulfillment_status !== 'not_fulfilled') {
      throw DomainError.notAllowed('A fulfilled order cannot be canceled', 'order_fulfilled');
    }
    if (order.payment_status === 'awaiting') {
      const authorized: { session_id: string }[] = await this.dataSource.query(
        `SELECT session_id FROM "order".payment WHERE order_id = $1 AND captured_at IS NULL AND canceled_at IS NULL`,
        [ref.order_id],
      );
      for (const payment of authorized) {
        await this.commands.request(PaymentCommands.cancelSession, { session_id: payment.session_id });
      }
    }
    if (!(await this.cancel(ref.order_id, 'merchant')) && !(await this.isCanceled(ref.order_id))) {
      throw DomainError.notAllowed(
        'The order’s money was taken: refund it instead of canceling it',
        'order_paid',
      );
    }
    return this.orders.get(ref);
  }

  /**
   * Whether the order is canceled now: the payment app's cancellation event, which our void caused,
   * may have canceled it before our own statement did (its stock goes back all the same).
   */
  private async isCanceled(orderId: string): Promise<boolean> {
    const [order] = await this.dataSource.query('SELECT status FROM "order"."order" WHERE id = $1', [
      orderId,
    ]);
    return order?.status === 'canceled';
  }

  /** Cancels the order if it is still unpaid and its window has passed; whether it did. */
  expire(orderId: string): Promise<boolean> {
    return this.cancel(orderId, 'expired');
  }

  private async cancel(orderId: string, reason: OrderCanceled['reason']): Promise<boolean> {
    const event = this.outbox.inStatement(
      OrderEvents.canceled,
      { id: orderId },
      { order_id: orderId, cart_id: '', reason, keep_paid: false },
      'canceled',
      3,
      ['cart_id', 'keep_paid'],
    );
    const rows = await this.dataSource.query(
      `WITH canceled AS (
         UPDATE "order"."order" SET status = 'canceled', payment_status = 'canceled', canceled_at = now(), updated_at = now()
         WHERE id = $1 AND (payment_status = 'not_paid' OR ($2 = 'merchant' AND payment_status = 'awaiting'))
           AND ($2 <> 'expired' OR pay_expire < now())
           AND ($2 <> 'customer' OR presale->>'deposit_paid_at' IS NULL)
         RETURNING id, cart_id,
           coalesce(presale->>'deposit_paid_at' IS NOT NULL AND NOT (presale->>'deposit_refundable')::boolean, false)
             AS keep_paid),
       event AS (${event.sql})
       SELECT id FROM canceled`,
      [orderId, reason, ...event.values],
    );
    return rows.length > 0;
  }
}
