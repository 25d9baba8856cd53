import { Injectable } from '@nestjs/common';
import {
  ChargeEnded,
  EventEnvelope,
  OrderCanceled,
  OrderEvents,
  PaymentEvents,
  PaymentSessionChanged,
} from '@app/contracts';
import { eventData, EventSubscriber, Outbox, TransactionalSubscription } from '@app/platform';
import { EntityManager } from 'typeorm';
import { ChargePoints } from './charge-points.service';
import { cancelChargeSessions, chargeEnded, chargePaid, ChargeRow, isChargeSessionEvent } from './charge-row';
import { ChargeService } from './charge.service';

/**
 * The wallet took an order attempt's money: the attempt is paid — its held points spent, the points
 * its money earns credited — in the transaction that records it, with `events.payment.charge-paid`.
 * An attempt that had ended meanwhile is left ended: its session was canceled with it, so the money
 * is given back by the session's release.
 */
@Injectable()
@EventSubscriber()
export class ChargePaidSubscriber implements TransactionalSubscription {
  readonly consumer = 'payment-charge-paid';
  readonly subject = PaymentEvents.sessionAuthorized.subject;
  readonly concerns = isChargeSessionEvent;

  constructor(
    private readonly points: ChargePoints,
    private readonly outbox: Outbox,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const paid = eventData(event, PaymentSessionChanged);
    const [[charge]]: [ChargeRow[], number] = await manager.query(
      `UPDATE payment.charge SET status = 'paid', provider_reference = $2, updated_at = now()
       WHERE id = $1 AND status = 'pending' AND amount = $3 RETURNING *`,
      [paid.session_id, paid.provider_reference, paid.amount],
    );
    if (!charge) return;
    const earned = await this.points.settle(manager, charge);
    if (earned)
      await manager.query('UPDATE payment.charge SET earned = $2 WHERE id = $1', [charge.id, earned]);
    await this.outbox.record(
      manager,
      PaymentEvents.chargePaid,
      { id: charge.order_id },
      chargePaid({ ...charge, earned }),
    );
  }
}

/** An attempt's wallet session expired or failed: the attempt ends unpaid, its held points back. */
@Injectable()
abstract class ChargeSessionEndedSubscriber implements TransactionalSubscription {
  abstract readonly consumer: string;
  abstract readonly subject: string;
  protected abstract readonly status: ChargeEnded['status'];
  readonly concerns = isChargeSessionEvent;

  constructor(
    private readonly points: ChargePoints,
    private readonly outbox: Outbox,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const session = eventData(event, PaymentSessionChanged);
    const [[charge]]: [ChargeRow[], number] = await manager.query(
      `UPDATE payment.charge SET status = $2, updated_at = now() WHERE id = $1 AND status = 'pending' RETURNING *`,
      [session.session_id, this.status],
    );
    if (!charge) return;
    await this.points.release(manager, charge);
    // Money that still comes for it is given back.
    await cancelChargeSessions(manager, [charge.id]);
    await this.outbox.record(
      manager,
      PaymentEvents.chargeEnded,
      { id: charge.order_id },
      chargeEnded(charge, this.status),
    );
  }
}

@Injectable()
@EventSubscriber()
export class ChargeExpiredSubscriber extends ChargeSessionEndedSubscriber {
  readonly consumer = 'payment-charge-expired';
  readonly subject = PaymentEvents.sessionExpired.subject;
  protected readonly status = 'expired';
}

@Injectable()
@EventSubscriber()
export class ChargeFailedSubscriber extends ChargeSessionEndedSubscriber {
  readonly consumer = 'payment-charge-failed';
  readonly subject = PaymentEvents.sessionFailed.subject;
  protected readonly status = 'failed';
}

/**
 * An order was canceled (by its customer, or its pay window passing): its open attempts end (held
 * points back, sessions canceled); an attempt paid at that very moment is given back — points
 * refunded, what it earned taken back, its session canceled so the reconciler refunds its money.
 * Paid or canceled-and-refunded, never both.
 */
@Injectable()
@EventSubscriber()
export class OrderCanceledSubscriber implements TransactionalSubscription {
  readonly consumer = 'payment-order-canceled';
  readonly subject = OrderEvents.canceled.subject;

  constructor(
    private readonly charges: ChargeService,
    private readonly points: ChargePoints,
    private readonly outbox: Outbox,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const canceled = eventData(event, OrderCanceled);
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('payment.charge:' || $1))", [
      canceled.order_id,
    ]);
    // A payment opened for it after this is refused (one opened before is ended here).
    await manager.query('INSERT INTO payment.canceled_order (order_id) VALUES ($1) ON CONFLICT DO NOTHING', [
      canceled.order_id,
    ]);
    await this.charges.endOpen(manager, canceled.order_id, 'canceled');
    // A presale deposit the store keeps (its balance was never paid) is not given back.
    if (canceled.keep_paid) return;
    const [refunded]: [ChargeRow[], number] = await manager.query(
      `UPDATE payment.charge SET status = 'refunded', updated_at = now() WHERE order_id = $1 AND status = 'paid' RETURNING *`,
      [canceled.order_id],
    );
    for (const charge of refunded) {
      await this.points.refund(manager, charge);
      if (charge.provider_id) await cancelChargeSessions(manager, [charge.id]);
      await this.outbox.record(
        manager,
        PaymentEvents.chargeEnded,
        { id: charge.order_id },
        chargeEnded(charge, 'refunded'),
      );
    }
  }
}
