import { Inject, Injectable } from '@nestjs/common';
import { currencyExponent } from '@app/platform';
import { EntityManager } from 'typeorm';
import { PaymentConfig } from '../config/payment-config';
import { PAYMENT_CONFIG } from '../config/payment-config.token';
import { PointsLedger } from '../points/points-ledger.service';
import { ChargeRow } from './charge-row';

/**
 * The points side of an order's payment attempt, each movement in the caller's transaction and
 * keyed by the attempt (so it happens once): held when the attempt opens, released when it ends
 * unpaid, spent when it is paid (with what its money earns), refunded when the order's money goes
 * back (pro rata for a partial refund).
 */
@Injectable()
export class ChargePoints {
  constructor(
    private readonly ledger: PointsLedger,
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
  ) {}

  /** Holds (online) or spends (points alone) the attempt's points; 400 `insufficient_points`. */
  async take(manager: EntityManager, charge: ChargeRow, spend: boolean): Promise<void> {
    if (!charge.points) return;
    const type = spend ? 'spend' : 'hold';
    await this.moveFor(
      manager,
      charge,
      type,
      -charge.points,
      spend ? 'order paid with points' : 'held for payment',
    );
  }

  /** The attempt ended unpaid: its held points are back. */
  async release(manager: EntityManager, charge: ChargeRow): Promise<void> {
    if (charge.points) await this.moveFor(manager, charge, 'release', charge.points, 'payment not completed');
  }

  /**
   * The attempt's money arrived: its held points are spent (released and spent, so the ledger shows
   * both) and the money earns points (`POINTS_EARN_PER_YUAN` per whole yuan). Returns the points earned.
   */
  async settle(manager: EntityManager, charge: ChargeRow): Promise<number> {
    if (charge.points) {
      await this.moveFor(manager, charge, 'release', charge.points, 'payment completed');
      await this.moveFor(manager, charge, 'spend', -charge.points, 'order paid with points');
    }
    const earned = this.earnedBy(charge.amount, charge.currency_code);
    if (earned) await this.moveFor(manager, charge, 'earn', earned, 'earned by the order');
    return earned;
  }

  /**
   * The order's paid money went back (canceled after its payment arrived): the points spent are
   * refunded, and what the money earned is taken back as far as the balance still holds it.
   */
  async refund(manager: EntityManager, charge: ChargeRow): Promise<void> {
    const back = charge.points - charge.points_refunded;
    if (back > 0) {
      await this.moveFor(manager, charge, 'refund', back, 'order canceled');
      await manager.query('UPDATE payment.charge SET points_refunded = points WHERE id = $1', [charge.id]);
    }
    if (!charge.earned) return;
    const [row] = await manager.query(
      'SELECT balance FROM payment.points_balance WHERE customer_id = $1 FOR UPDATE',
      [charge.customer_id],
    );
    const earnedBack = Math.min(charge.earned, row?.balance ?? 0);
    if (earnedBack)
      await this.moveFor(manager, charge, 'adjust', -earnedBack, 'earned points of a canceled order');
  }

  /**
   * Part of a paid attempt's money went back (`refunded` of its `amount` so far): the points it spent
   * go back in the same share — all of them once all of the money has — once per refund.
   */
  async refundShare(
    manager: EntityManager,
    chargeId: string,
    refunded: number,
    amount: number,
    refundId: string,
  ): Promise<void> {
    const [charge]: ChargeRow[] = await manager.query(
      `SELECT * FROM payment.charge WHERE id = $1 AND status = 'paid' FOR UPDATE`,
      [chargeId],
    );
    if (!charge?.points) return;
    const owed = refunded >= amount ? charge.points : Math.floor((charge.points * refunded) / amount);
    const back = owed - charge.points_refunded;
    if (back <= 0) return;
    await this.ledger.move(
      {
        customer_id: charge.customer_id,
        key: `charge:${charge.id}:refund:${refundId}`,
        type: 'refund',
        points: back,
        order_id: charge.order_id,
        reason: 'part of the payment refunded',
      },
      manager,
    );
    await manager.query('UPDATE payment.charge SET points_refunded = points_refunded + $2 WHERE id = $1', [
      charge.id,
      back,
    ]);
  }

  /** Points `amount` minor units of money earn. */
  earnedBy(amount: number, currencyCode: string): number {
    return Math.floor(amount / 10 ** currencyExponent(currencyCode)) * this.config.pointsEarnPerYuan;
  }

  private async moveFor(
    manager: EntityManager,
    charge: ChargeRow,
    type: 'hold' | 'release' | 'spend' | 'earn' | 'refund' | 'adjust',
    points: number,
    reason: string,
  ): Promise<void> {
    await this.ledger.move(
      {
        customer_id: charge.customer_id,
        // An attempt moves each kind once: it is settled or ended, never both.
        key: `charge:${charge.id}:${type}`,
        type,
        points,
        order_id: charge.order_id,
        reason,
      },
      manager,
    );
  }
}
