import { Inject, Injectable } from '@nestjs/common';
import { PeriodicWork } from '@app/platform';
import { DataSource } from 'typeorm';
import { PaymentConfig } from '../config/payment-config';
import { PAYMENT_CONFIG } from '../config/payment-config.token';
import { AttemptRelease } from './attempt-release.service';
import { AttemptRow } from './attempt-row';
import { PAID_ATTEMPT_STATUSES } from './attempt.state';

/**
 * The reconciler of money nobody stands behind: an authorized or captured attempt that is no longer
 * its session's current one, or whose session was dropped, is released (voided or refunded). This
 * is normally done at once when the money arrives; the sweep catches a release that could not
 * reach its provider then. Releases are idempotent at the provider (same refund id).
 */
@Injectable()
export class SupersededPayments extends PeriodicWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly release: AttemptRelease,
    @Inject(PAYMENT_CONFIG) config: PaymentConfig,
  ) {
    super();
    this.runEvery(SupersededPayments.name, config.expirySweepMs, () => this.sweep());
  }

  async sweep(): Promise<void> {
    const stranded: AttemptRow[] = await this.dataSource.query(
      `SELECT a.* FROM payment.attempt a JOIN payment.session s ON s.id = a.session_id
       WHERE a.status = ANY($1)
         AND (s.current_attempt_id IS DISTINCT FROM a.id OR s.canceled_at IS NOT NULL)
       ORDER BY a.updated_at LIMIT 50`,
      [PAID_ATTEMPT_STATUSES],
    );
    for (const attempt of stranded) await this.release.release(attempt);
  }
}
