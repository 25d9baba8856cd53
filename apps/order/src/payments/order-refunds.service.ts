import { Inject, Injectable } from '@nestjs/common';
import { OrderEvents, OrderRefundCommand, OrderReply, PaymentCommands, PointsCommands } from '@app/contracts';
import { CommandClient, currentRequestContext, DomainError, newId, Outbox } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ORDER_CONFIG, OrderConfig } from '../config/order-config';
import { OrderService } from '../orders/order.service';
import { orderPaymentSourcesOf } from '../orders/order.state';
import { pointValue } from './order-dues';

/** A refund's share of one payment: money at its provider, or points back to the ledger. */
interface RefundPart {
  payment_id: string;
  session_id: string;
  provider_id: string;
  amount: number;
}

interface CapturedPayment {
  id: string;
  session_id: string;
  provider_id: string;
  /** What this payment took and can still give back (money, or a points payment's worth). */
  taken: number;
}

/**
 * The merchant's refunds (`POST /admin/orders/{id}/refund`). Deciding one is a short transaction,
 * locked per order: what is left to refund is what the payments took less every refund, pending or
 * done, so no concurrency refunds more than was captured; the refund is recorded pending with its
 * share of each payment (newest first). Then each share goes back — money through its provider
 * (idempotent by the refund's id there), a points payment's share to the ledger — with no
 * transaction open, and the refund succeeds: the order `partially_refunded`, then `refunded`. A mixed
 * payment's money refunded gives back the same share of its points (the payment app does).
 */
@Injectable()
export class OrderRefunds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandClient,
    private readonly orders: OrderService,
    private readonly outbox: Outbox,
    @Inject(ORDER_CONFIG) private readonly config: OrderConfig,
  ) {}

  /** Refunds; `key` (else the request's Idempotency-Key) makes a repeat finish the same refund. */
  async refund(command: OrderRefundCommand, key?: string): Promise<OrderReply> {
    const decided = await this.dataSource.transaction((manager) => this.decide(manager, command, key));
    let given = 0;
    try {
      for (const part of decided.parts) {
        await this.giveBack(decided, part);
        given += 1;
      }
    } catch (error) {
      // Nothing went back: the refund never happened. Part of it did: it stays pending, its amount
      // spent, and a retry under the same key (idempotent at the providers) finishes it.
      if (given === 0) await this.dataSource.query('DELETE FROM "order".refund WHERE id = $1', [decided.id]);
      throw error;
    }
    await this.succeed(decided.id, command.order_id, decided.paidTotal);
    return this.orders.get({ order_id: command.order_id });
  }

  private async decide(
    manager: EntityManager,
    command: OrderRefundCommand,
    requestKey?: string,
  ): Promise<{ id: string; parts: RefundPart[]; paidTotal: number; customerId: string; currency: string }> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('order.refund:' || $1))", [command.order_id]);
    const [order] = await manager.query(
      'SELECT id, customer_id, currency_code, payment_status FROM "order"."order" WHERE id = $1',
      [command.order_id],
    );
    if (!order) throw DomainError.notFound(`Order with id ${command.order_id} was not found`);
    if (!['captured', 'partially_refunded'].includes(order.payment_status)) {
      throw DomainError.notAllowed(`An order whose payment is ${order.payment_status} cannot be refunded`);
    }
    const payments: CapturedPayment[] = await manager.query(
      `SELECT id, session_id, provider_id,
         CASE WHEN provider_id = 'points' THEN points_value ELSE amount END AS taken
       FROM "order".payment WHERE order_id = $1 AND captured_at IS NOT NULL
       ORDER BY created_at DESC, id DESC`,
      [command.order_id],
    );
    const refunds: { id: string; parts: RefundPart[]; request_key: string | null }[] = await manager.query(
      'SELECT id, parts, request_key FROM "order".refund WHERE order_id = $1',
      [command.order_id],
    );
    const paidTotal = payments.reduce((sum, payment) => sum + payment.taken, 0);
    const key = requestKey ?? currentRequestContext()?.idempotencyKey ?? null;
    const asked = key ? refunds.find((refund) => refund.request_key === key) : undefined;
    // Asked again under its key after it was cut short: the same refund, finished (its shares are
    // idempotent where they go back).
    if (asked) {
      return {
        id: asked.id,
        parts: asked.parts,
        paidTotal,
        customerId: order.customer_id,
        currency: order.currency_code,
      };
    }
    const given = new Map<string, number>();
    for (const part of refunds.flatMap((refund) => refund.parts)) {
      given.set(part.payment_id, (given.get(part.payment_id) ?? 0) + part.amount);
    }
    const left = paidTotal - [...given.values()].reduce((sum, amount) => sum + amount, 0);
    if (command.amount > left) {
      throw DomainError.invalidData(
        `Refund amount ${command.amount} is more than the ${left} left to refund`,
      );
    }
    const parts: RefundPart[] = [];
    let rest = command.amount;
    for (const payment of payments) {
      const share = Math.min(rest, payment.taken - (given.get(payment.id) ?? 0));
      if (share <= 0) continue;
      parts.push({
        payment_id: payment.id,
        session_id: payment.session_id,
        provider_id: payment.provider_id,
        amount: share,
      });
      rest -= share;
      if (!rest) break;
    }
    const id = newId('ref');
    await manager.query(
      `INSERT INTO "order".refund (id, order_id, amount, reason, note, parts, status, request_key)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7)`,
      [
        id,
        command.order_id,
        command.amount,
        command.reason,
        command.note ?? null,
        JSON.stringify(parts),
        key,
      ],
    );
    return { id, parts, paidTotal, customerId: order.customer_id, currency: order.currency_code };
  }

  private async giveBack(
    refund: { id: string; customerId: string; currency: string },
    part: RefundPart,
  ): Promise<void> {
    if (part.provider_id === 'points') {
      await this.commands.request(PointsCommands.move, {
        customer_id: refund.customerId,
        key: `refund:${refund.id}:${part.payment_id}`,
        type: 'refund',
        points: part.amount / pointValue(refund.currency, this.config.pointsPerYuan),
        reason: 'refunded by the store',
      });
      return;
    }
    await this.commands.request(PaymentCommands.refundSession, {
      session_id: part.session_id,
      amount: part.amount,
      refund_id: `${refund.id}-${part.payment_id}`,
    });
  }

  /**
   * The refund done (once: a repeat finds it done and changes nothing), the order's payment status
   * after it (from every refund that succeeded), and `events.order.refunded`.
   */
  private async succeed(refundId: string, orderId: string, paidTotal: number): Promise<void> {
    const event = this.outbox.inStatement(
      OrderEvents.refunded,
      { id: orderId },
      { order_id: orderId, cart_id: '', refund_id: refundId, refunded_total: 0, paid_total: paidTotal },
      'source',
      5,
      ['cart_id', 'refunded_total'],
    );
    await this.dataSource.query(
      `WITH done AS (
         UPDATE "order".refund SET status = 'succeeded', updated_at = now()
         WHERE id = $1 AND status <> 'succeeded' RETURNING order_id, amount),
       refunded AS (
         SELECT coalesce(sum(r.amount), 0) + done.amount AS total
         FROM done LEFT JOIN "order".refund r ON r.order_id = $2 AND r.status = 'succeeded' AND r.id <> $1
         GROUP BY done.amount),
       updated AS (
         UPDATE "order"."order" o SET updated_at = now(),
           payment_status = CASE WHEN refunded.total >= $3 THEN 'refunded' ELSE 'partially_refunded' END
         FROM refunded
         WHERE o.id = $2 AND o.payment_status = ANY($4)),
       source AS (
         SELECT o.cart_id, refunded.total AS refunded_total FROM "order"."order" o, refunded WHERE o.id = $2),
       event AS (${event.sql})
       SELECT 1`,
      [
        refundId,
        orderId,
        paidTotal,
        [...new Set([...orderPaymentSourcesOf('refunded'), 'partially_refunded'])],
        ...event.values,
      ],
    );
  }
}
