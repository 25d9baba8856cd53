import { Inject, Injectable, Logger } from '@nestjs/common';
import { PaymentEvents } from '@app/contracts';
import { Outbox, PeriodicWork } from '@app/platform';
import { DataSource } from 'typeorm';
import { PaymentConfig } from '../config/payment-config';
import { PAYMENT_CONFIG } from '../config/payment-config.token';
import { ProviderRegistry } from '../providers/provider-registry.service';
import { AttemptRow, sessionChange, toAttempt } from './attempt-row';
import { attemptSourcesOf } from './attempt.state';
import { PaymentSessions } from './payment-session.service';

/**
 * Online payments not paid within their window expire (seed 001; `PAYMENT_SESSION_TTL_MINUTES`).
 * Before an attempt is expired its provider is asked once more: money that arrived at the last
 * moment is recorded as paid instead; otherwise the attempt is closed at the provider, marked
 * expired, and `events.payment.session-expired` lets the cart release what it held for it.
 */
@Injectable()
export class AttemptExpiry extends PeriodicWork {
  private readonly logger = new Logger(AttemptExpiry.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly providers: ProviderRegistry,
    private readonly sessions: PaymentSessions,
    private readonly outbox: Outbox,
    @Inject(PAYMENT_CONFIG) config: PaymentConfig,
  ) {
    super();
    this.runEvery(AttemptExpiry.name, config.expirySweepMs, () => this.sweep());
  }

  async sweep(): Promise<void> {
    const due: AttemptRow[] = await this.dataSource.query(
      `SELECT a.* FROM payment.attempt a JOIN payment.session s ON s.current_attempt_id = a.id
         WHERE a.status = ANY($1) AND a.expires_at < now() AND a.provider_id <> 'manual'
         ORDER BY a.expires_at LIMIT 50`,
      [attemptSourcesOf('expired')],
    );
    for (const attempt of due) await this.expire(attempt);
  }

  private async expire(attempt: AttemptRow): Promise<void> {
    const provider = this.providers.get(attempt.provider_id);
    try {
      const status = await provider.status(toAttempt(attempt));
      if (status === 'authorized' || status === 'captured') {
        await this.sessions.authorize({ session_id: attempt.session_id });
        return;
      }
      if (status === 'open') await provider.cancel(toAttempt(attempt));
    } catch (error) {
      // The provider cannot say or close it now: the window is ours, expire it anyway; a payment
      // that still arrives finds the attempt expired and is given back.
      this.logger.warn(`Expiring ${attempt.id} without its provider: ${(error as Error).message}`);
    }
    await this.dataSource.transaction(async (manager) => {
      const [[expired]]: [AttemptRow[], number] = await manager.query(
        `UPDATE payment.attempt SET status = 'expired', session_status = 'canceled', updated_at = now()
         WHERE id = $1 AND status = ANY($2) RETURNING *`,
        [attempt.id, attemptSourcesOf('expired')],
      );
      if (expired) {
        await this.outbox.record(
          manager,
          PaymentEvents.sessionExpired,
          { id: expired.session_id },
          sessionChange(expired),
        );
      }
    });
  }
}
