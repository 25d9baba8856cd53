import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicWork, PLATFORM_CONFIG, PlatformConfig } from '@app/platform';
import { DataSource } from 'typeorm';
import { PaymentConfig } from '../config/payment-config';
import { PAYMENT_CONFIG } from '../config/payment-config.token';
import { ProviderRegistry } from '../providers/provider-registry.service';
import { withTimeout } from './attempt-release.service';
import { AttemptRow, toAttempt } from './attempt-row';
import { RefundCompletion } from './refund-completion.service';

/**
 * The reconciler of refunds whose answer was lost: a refund still pending after the provider's time
 * budget (twice over) is looked up with the provider's refund query, and completed when the provider
 * took it. One the provider never received stays pending and is reported in the log — never marked
 * done; the caller's retry (same refund id) asks for it again.
 */
@Injectable()
export class PendingRefunds extends PeriodicWork {
  private readonly logger = new Logger(PendingRefunds.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly providers: ProviderRegistry,
    private readonly refunds: RefundCompletion,
    @Inject(PAYMENT_CONFIG) config: PaymentConfig,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
  ) {
    super();
    this.runEvery(PendingRefunds.name, config.expirySweepMs, () => this.sweep());
  }

  async sweep(): Promise<void> {
    const pending: (AttemptRow & { refund_id: string })[] = await this.dataSource.query(
      `SELECT r.id AS refund_id, a.* FROM payment.refund r JOIN payment.attempt a ON a.id = r.attempt_id
       WHERE r.status = 'pending' AND r.created_at < now() - make_interval(secs => $1)
       ORDER BY r.created_at LIMIT 50`,
      [(2 * this.platform.providerTimeoutMs) / 1000],
    );
    for (const row of pending) await this.settle(row);
  }

  private async settle(row: AttemptRow & { refund_id: string }): Promise<void> {
    const provider = this.providers.get(row.provider_id);
    if (!provider.refundStatus) return;
    try {
      const status = await withTimeout(
        provider.refundStatus(toAttempt(row), row.refund_id),
        this.platform.providerTimeoutMs,
        `${row.provider_id} did not answer in time`,
      );
      if (status === 'succeeded') {
        await this.dataSource.transaction((manager) => this.refunds.complete(manager, row.refund_id));
      } else if (status === 'unknown') {
        this.logger.warn(
          `Refund ${row.refund_id} of ${row.id} is unknown to ${row.provider_id}: it stays pending`,
        );
      }
    } catch (error) {
      this.logger.warn(`Refund ${row.refund_id} could not be looked up: ${(error as Error).message}`);
    }
  }
}
