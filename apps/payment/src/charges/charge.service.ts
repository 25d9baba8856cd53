import { Injectable, Logger } from '@nestjs/common';
import { ChargeRef, ChargeReply, OpenCharge, PaymentEvents } from '@app/contracts';
import { DomainError, Outbox } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentSessions } from '../sessions/payment-session.service';
import { ChargePoints } from './charge-points.service';
import { cancelChargeSessions, chargeEnded, chargePaid, ChargeRow, toChargeReply } from './charge-row';

/**
 * Pays existing orders (seed 002): an attempt takes its points at once — held while its money is
 * on the way, spent when it is points alone — and opens its wallet session (WeChat's app-pay
 * parameters, Alipay's order string) for the rest. A new attempt supersedes the order's open one:
 * its points come back and its provider session is closed (money that still arrives on it is given
 * back by the session's release). The points move in one short transaction per attempt, locked per
 * order; the provider is called after it has committed.
 */
@Injectable()
export class ChargeService {
  private readonly logger = new Logger(ChargeService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: PaymentSessions,
    private readonly points: ChargePoints,
    private readonly outbox: Outbox,
  ) {}

  async open(command: OpenCharge): Promise<ChargeReply> {
    const known = await this.find(command.charge_id);
    if (known) return this.answer(known);
    const online = command.provider_id !== null && command.provider_id !== undefined;
    if (online === (command.amount === 0)) {
      throw DomainError.invalidData('A payment has money to pay at its provider exactly when it names one');
    }
    const opened = await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('payment.charge:' || $1))", [
        command.order_id,
      ]);
      if (await this.find(command.charge_id, manager)) return null;
      const [canceled] = await manager.query('SELECT 1 FROM payment.canceled_order WHERE order_id = $1', [
        command.order_id,
      ]);
      if (canceled) throw DomainError.notAllowed('The order was canceled', 'order_canceled');
      const superseded = await this.supersede(manager, command.order_id);
      const [charge]: ChargeRow[] = await manager.query(
        `INSERT INTO payment.charge (id, order_id, cart_id, customer_id, provider_id, amount, points, currency_code,
           status, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [
          command.charge_id,
          command.order_id,
          command.cart_id,
          command.customer_id,
          command.provider_id ?? null,
          command.amount,
          command.points,
          command.currency_code,
          online ? 'pending' : 'paid',
          command.expires_at,
        ],
      );
      await this.points.take(manager, charge, !online);
      if (!online) {
        await this.outbox.record(
          manager,
          PaymentEvents.chargePaid,
          { id: charge.order_id },
          chargePaid(charge),
        );
      }
      return { charge, superseded };
    });
    if (!opened) return this.answer((await this.find(command.charge_id)) as ChargeRow);
    for (const old of opened.superseded) await this.closeSession(old);
    if (!online) return toChargeReply(opened.charge, null);
    const session = await this.sessions.openForAmount({
      session_id: command.charge_id,
      cart_id: command.cart_id,
      provider_id: command.provider_id as NonNullable<OpenCharge['provider_id']>,
      amount: command.amount,
      currency_code: command.currency_code,
      context: command.context,
      expires_at: command.expires_at,
    });
    return toChargeReply(opened.charge, payParam(session.data));
  }

  async get(ref: ChargeRef): Promise<ChargeReply> {
    const charge = await this.find(ref.charge_id);
    if (!charge) throw DomainError.notFound(`Payment ${ref.charge_id} was not found`);
    return this.answer(charge);
  }

  /**
   * Ends the order's open attempts (superseded, canceled with the order): their held points back,
   * their provider sessions marked canceled in the same transaction, so that money arriving on them
   * is given back; `events.payment.charge-ended` for each. Returns them (to close at the provider).
   */
  async endOpen(
    manager: EntityManager,
    orderId: string,
    status: 'superseded' | 'canceled',
  ): Promise<ChargeRow[]> {
    const [ended]: [ChargeRow[], number] = await manager.query(
      `UPDATE payment.charge SET status = $2, updated_at = now() WHERE order_id = $1 AND status = 'pending' RETURNING *`,
      [orderId, status],
    );
    for (const charge of ended) {
      await this.points.release(manager, charge);
      await this.outbox.record(
        manager,
        PaymentEvents.chargeEnded,
        { id: charge.order_id },
        chargeEnded(charge, status),
      );
    }
    await cancelChargeSessions(
      manager,
      ended.filter((charge) => charge.provider_id).map((charge) => charge.id),
    );
    return ended;
  }

  /** Closes an ended attempt's session at its provider; one that cannot be reached now expires there. */
  async closeSession(charge: ChargeRow): Promise<void> {
    if (!charge.provider_id) return;
    await this.sessions.cancel({ session_id: charge.id }).catch((error: Error) => {
      this.logger.warn(`Could not close ${charge.id} at ${charge.provider_id}: ${error.message}`);
    });
  }

  private supersede(manager: EntityManager, orderId: string): Promise<ChargeRow[]> {
    return this.endOpen(manager, orderId, 'superseded');
  }

  private async answer(charge: ChargeRow): Promise<ChargeReply> {
    if (!charge.provider_id) return toChargeReply(charge, null);
    const session = await this.sessions.get({ session_id: charge.id }).catch(() => null);
    return toChargeReply(charge, session ? payParam(session.data) : null);
  }

  private async find(id: string, manager?: EntityManager): Promise<ChargeRow | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      'SELECT * FROM payment.charge WHERE id = $1',
      [id],
    );
    return row ?? null;
  }
}

function payParam(data: Record<string, unknown>): ChargeReply['pay_param'] {
  return (data.pay_param as ChargeReply['pay_param']) ?? null;
}
