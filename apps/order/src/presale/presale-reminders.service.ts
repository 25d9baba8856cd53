import { Inject, Injectable } from '@nestjs/common';
import { OrderEvents } from '@app/contracts';
import { Outbox, PeriodicWork } from '@app/platform';
import { DataSource } from 'typeorm';
import { ORDER_CONFIG, OrderConfig } from '../config/order-config';

const BATCH = 50;

/**
 * When a presale order's balance window opens (its deposit paid), its customer is reminded once:
 * `events.order.presale-balance-due` to `tail_pay_notice_phone`, recorded in the statement that
 * marks the order reminded (one order per statement; replicas skip what another holds).
 */
@Injectable()
export class PresaleReminders extends PeriodicWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(ORDER_CONFIG) config: OrderConfig,
  ) {
    super();
    this.runEvery(PresaleReminders.name, config.expirySweepMs, () => this.sweep());
  }

  /** Reminds every order whose balance window has opened; how many. */
  async sweep(): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM "order"."order"
       WHERE presale IS NOT NULL AND payment_status = 'not_paid' AND presale->>'deposit_paid_at' IS NOT NULL
         AND presale->>'reminded_at' IS NULL AND (presale->>'balance_opens_at')::timestamptz <= now()
       LIMIT $1`,
      [BATCH],
    );
    let sent = 0;
    for (const { id } of due) if (await this.remind(id)) sent += 1;
    return sent;
  }

  /** Marks the order reminded and records its reminder, once (a replica that got there first wins). */
  private async remind(orderId: string): Promise<boolean> {
    const event = this.outbox.inStatement(
      OrderEvents.presaleBalanceDue,
      { id: orderId },
      {
        order_id: orderId,
        display_id: 0,
        phone: '',
        balance_amount: 0,
        currency_code: '',
        balance_closes_at: '',
      },
      'reminded',
      2,
      ['display_id', 'phone', 'balance_amount', 'currency_code', 'balance_closes_at'],
    );
    const rows = await this.dataSource.query(
      `WITH reminded AS (
         UPDATE "order"."order" SET presale = jsonb_set(presale, '{reminded_at}', to_jsonb(now())), updated_at = now()
         WHERE id = $1 AND payment_status = 'not_paid' AND presale->>'reminded_at' IS NULL
         RETURNING display_id, presale->>'tail_pay_notice_phone' AS phone,
           (presale->>'balance_amount')::int AS balance_amount, currency_code,
           presale->>'balance_closes_at' AS balance_closes_at),
       event AS (${event.sql})
       SELECT display_id FROM reminded`,
      [orderId, ...event.values],
    );
    return rows.length > 0;
  }
}
