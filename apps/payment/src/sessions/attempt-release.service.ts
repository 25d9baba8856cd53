import { Inject, Injectable, Logger } from '@nestjs/common';
import { PaymentEvents } from '@app/contracts';
import { DomainError, Outbox, PLATFORM_CONFIG, PlatformConfig } from '@app/platform';
import { DataSource } from 'typeorm';
import { ProviderRegistry } from '../providers/provider-registry.service';
import { AttemptRow, refundChange, sessionChange, toAttempt } from './attempt-row';
import { attemptSourcesOf, AttemptStatus } from './attempt.state';

/** What can be let go: voided while not captured, refunded once captured. */
const RELEASABLE: readonly AttemptStatus[] = [...attemptSourcesOf('voided'), ...attemptSourcesOf('refunded')];

/**
 * Lets go of an attempt the cart no longer stands behind (another amount, another provider, a
 * dropped session, money that arrived after the cart moved on) or that the shop cancels: closed at
 * the provider while unpaid or only authorized (`events.payment.canceled` when it was authorized),
 * refunded once captured (`events.payment.refunded` with what went back). A provider that cannot be reached leaves the attempt as it is, logged: if it is
 * paid later, its notification finds it superseded and releases it then.
 */
@Injectable()
export class AttemptRelease {
  private readonly logger = new Logger(AttemptRelease.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly providers: ProviderRegistry,
    private readonly outbox: Outbox,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
  ) {}

  async release(attempt: AttemptRow, reason: 'superseded' | 'requested' = 'superseded'): Promise<void> {
    if (!RELEASABLE.includes(attempt.status)) return;
    const provider = this.providers.get(attempt.provider_id);
    const captured = attempt.status === 'captured';
    const remaining = attempt.amount - (attempt.amount_refunded ?? 0);
    try {
      await withTimeout(
        captured
          ? provider.refund(toAttempt(attempt), remaining, `${attempt.id}-${reason}`)
          : provider.cancel(toAttempt(attempt)),
        this.platform.providerTimeoutMs,
        `${attempt.provider_id} did not answer in time`,
      );
    } catch (error) {
      this.logger.warn(
        `Could not release ${attempt.id} at ${attempt.provider_id}: ${(error as Error).message}`,
      );
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      // An UPDATE answers [rows, count].
      const [[released]]: [AttemptRow[], number] = await manager.query(
        `UPDATE payment.attempt SET status = $2, session_status = 'canceled', updated_at = now(),
           amount_refunded = CASE WHEN $2 = 'refunded' THEN amount ELSE amount_refunded END
         WHERE id = $1 AND status = $3 RETURNING *`,
        [attempt.id, captured ? 'refunded' : 'voided', attempt.status],
      );
      if (!released) return;
      if (captured) {
        await this.outbox.record(
          manager,
          PaymentEvents.refunded,
          { id: attempt.session_id },
          refundChange(attempt, remaining, reason),
        );
      } else if (attempt.status === 'authorized') {
        await this.outbox.record(
          manager,
          PaymentEvents.canceled,
          { id: attempt.session_id },
          sessionChange(released),
        );
      }
    });
  }
}

/** The promise, or an `unexpected_state` / `provider_timeout` error after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DomainError('unexpected_state', message, 'provider_timeout')), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
