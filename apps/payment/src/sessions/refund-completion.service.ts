import { Injectable } from '@nestjs/common';
import { PaymentEvents } from '@app/contracts';
import { Outbox } from '@app/platform';
import { EntityManager } from 'typeorm';
import { ChargePoints } from '../charges/charge-points.service';
import { AttemptRow, refundChange } from './attempt-row';
import { attemptSourcesOf } from './attempt.state';

/**
 * Marks a pending refund as taken by the provider and counts it on its attempt, once, whoever learns
 * it first: the provider's answer to the refund, its refund query (on a retry or from the sweep), or
 * its refund notification. Inside the caller's transaction.
 */
@Injectable()
export class RefundCompletion {
  constructor(
    private readonly outbox: Outbox,
    private readonly chargePoints: ChargePoints,
  ) {}

  /** The attempt as refunded, or null when the refund was not pending (done before, or unknown). */
  async complete(manager: EntityManager, refundId: string): Promise<AttemptRow | null> {
    const [[refund]]: [{ attempt_id: string; amount: number }[], number] = await manager.query(
      `UPDATE payment.refund SET status = 'succeeded' WHERE id = $1 AND status = 'pending' RETURNING attempt_id, amount`,
      [refundId],
    );
    if (!refund) return null;
    const [[refunded]]: [AttemptRow[], number] = await manager.query(
      `UPDATE payment.attempt SET amount_refunded = amount_refunded + $2,
         status = CASE WHEN amount_refunded + $2 >= amount THEN 'refunded' ELSE status END, updated_at = now()
       WHERE id = $1 AND status = ANY($3) RETURNING *`,
      [refund.attempt_id, refund.amount, attemptSourcesOf('refunded')],
    );
    // Released in full meanwhile (money no session stands behind): that release announced it.
    if (!refunded) return null;
    // An order paid with points beside this money gets their share back.
    await this.chargePoints.refundShare(
      manager,
      refunded.session_id,
      refunded.amount_refunded,
      refunded.amount,
      refundId,
    );
    await this.outbox.record(
      manager,
      PaymentEvents.refunded,
      { id: refunded.session_id },
      refundChange(refunded, refund.amount, 'requested'),
    );
    return refunded;
  }
}
