import { Inject, Injectable } from '@nestjs/common';
import { PeriodicWork } from '@app/platform';
import { DataSource } from 'typeorm';
import { ORDER_CONFIG, OrderConfig } from '../config/order-config';
import { OrderCancellation } from './order-cancellation.service';

const BATCH = 50;

/**
 * Submitted orders not paid by their `pay_expire` are canceled (seed 001's two days): stock back,
 * held points back, `events.order.canceled`. Each order is its own statement, guarded by its
 * status, so a payment that completes at that moment wins or loses cleanly — never both.
 */
@Injectable()
export class OrderExpiry extends PeriodicWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cancellation: OrderCancellation,
    @Inject(ORDER_CONFIG) config: OrderConfig,
  ) {
    super();
    this.runEvery(OrderExpiry.name, config.expirySweepMs, () => this.sweep());
  }

  /** Cancels the unpaid orders past their window; how many. */
  async sweep(): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM "order"."order" WHERE payment_status = 'not_paid' AND pay_expire < now()
       ORDER BY pay_expire LIMIT $1`,
      [BATCH],
    );
    let canceled = 0;

    for (const { id } of due) if (await this.cancellation.expire(id)) canceled += 1;
    return canceled;
  }
}
