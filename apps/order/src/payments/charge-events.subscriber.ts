import { Inject, Injectable } from '@nestjs/common';
import { ChargeEnded, ChargePaid, EventEnvelope, OrderEvents, PaymentEvents } from '@app/contracts';
import { eventData, EventSubscriber, Outbox, TransactionalSubscription } from '@app/platform';
import { EntityManager } from 'typeorm';
import { StoredOrder } from '../orders/order.presenter';
import { pointValue, settlement, settlementChanges } from './order-dues';
import { ORDER_CONFIG, OrderConfig } from '../config/order-config';
import { OrderPaymentService } from './order-payment.service';
import { sellsGiftCardsColumn } from '../orders/gift-card-sales';

/**
 * An attempt to pay an order was paid in full (its points and its money): the payment shows paid
 * with the provider's transaction number (seed 001's payment-paid event), and the order — if it
 * still waits for its money — is `captured` with `events.order.paid`, or, a presale order paying its
 * deposit, waits for its balance. An order canceled first is left canceled: the payment app gives
 * that money back on the cancellation.
 */
@Injectable()
@EventSubscriber()
export class ChargePaidSubscriber implements TransactionalSubscription {
  readonly consumer = 'order-charge-paid';
  readonly subject = PaymentEvents.chargePaid.subject;

  constructor(
    private readonly outbox: Outbox,
    private readonly payments: OrderPaymentService,
    @Inject(ORDER_CONFIG) private readonly config: OrderConfig,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const paid = eventData(event, ChargePaid);
    const [order]: {
      id: string;
      display_id: number;
      cart_id: string;
      email: string;
      payment_status: string;
      presale: StoredOrder['presale'];
      sells_gift_cards: boolean;
    }[] = await manager.query(
      `SELECT id, display_id, cart_id, email, payment_status, presale, ${sellsGiftCardsColumn('o')}
       FROM "order"."order" o WHERE id = $1 FOR UPDATE`,
      [paid.order_id],
    );
    if (!order) return;
    const [known]: { captured_at: Date | null }[] = await manager.query(
      'SELECT captured_at FROM "order".payment WHERE session_id = $1',
      [paid.charge_id],
    );
    // Points alone: the payment was recorded paid, and the order settled, when it was made.
    if (known?.captured_at) return;
    // The attempt's row, written when the order recorded it — or now, when this event is first (the
    // order's record then finds it) or that answer was lost: with the points at their worth, as the order writes it.
    const pointsWorth = paid.points
      ? paid.points * pointValue(paid.currency_code, this.config.pointsPerYuan)
      : 0;
    await manager.query(
      `INSERT INTO "order".payment (id, order_id, cart_id, session_id, provider_id, amount, points, points_value,
         currency_code, expires_at)
       VALUES ($1, $2, $3, $1, $4, $5, $6, $7, $8, now()) ON CONFLICT (session_id) DO NOTHING`,
      [
        paid.charge_id,
        order.id,
        order.cart_id,
        paid.provider_id ?? 'points',
        paid.amount,
        paid.points,
        pointsWorth,
        paid.currency_code,
      ],
    );
    await manager.query(
      `UPDATE "order".payment SET captured_at = coalesce(captured_at, now()),
         provider_reference = coalesce($2, provider_reference), updated_at = now() WHERE session_id = $1`,
      [paid.charge_id, paid.provider_reference],
    );
    const payment = await this.payments.viewOf(manager, order.id, paid.charge_id);
    if (payment) {
      await this.outbox.record(
        manager,
        OrderEvents.paymentPaid,
        { id: order.id },
        { order_id: order.id, payment },
      );
    }
    if (order.payment_status !== 'not_paid') return;
    const what = settlement(order);
    await manager.query(
      `UPDATE "order"."order" SET ${settlementChanges(what)}, updated_at = now() WHERE id = $1`,
      [order.id],
    );
    if (what === 'deposit') return;
    await this.outbox.record(
      manager,
      OrderEvents.paid,
      { id: order.id },
      {
        order_id: order.id,
        display_id: order.display_id,
        cart_id: order.cart_id,
        email: order.email,
        total: paid.amount,
        currency_code: paid.currency_code,
        sells_gift_cards: order.sells_gift_cards,
      },
    );
  }
}

/**
 * An attempt ended unpaid: superseded by a later one (no longer `is_available`, `pending` until its
 * own window passes), or expired, failed or canceled with the order (`expired`; seed 001's
 * payment-expired event). An attempt given back after it was paid shows its money refunded.
 */
@Injectable()
@EventSubscriber()
export class ChargeEndedSubscriber implements TransactionalSubscription {
  readonly consumer = 'order-charge-ended';
  readonly subject = PaymentEvents.chargeEnded.subject;

  constructor(
    private readonly outbox: Outbox,
    private readonly payments: OrderPaymentService,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const ended = eventData(event, ChargeEnded);
    const change =
      ended.status === 'superseded'
        ? 'superseded_at = coalesce(superseded_at, now())'
        : ended.status === 'refunded'
          ? 'amount_refunded = amount'
          : 'canceled_at = coalesce(canceled_at, now())';
    const [[row]]: [{ order_id: string }[], number] = await manager.query(
      `UPDATE "order".payment SET ${change}, updated_at = now() WHERE session_id = $1 RETURNING order_id`,
      [ended.charge_id],
    );
    if (!row || ended.status === 'superseded' || ended.status === 'refunded') return;
    const payment = await this.payments.viewOf(manager, row.order_id, ended.charge_id);
    if (payment?.mode === 'online') {
      await this.outbox.record(
        manager,
        OrderEvents.paymentExpired,
        { id: row.order_id },
        {
          order_id: row.order_id,
          payment,
        },
      );
    }
  }
}
