import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationReply, PaymentEvents, ProviderNotification } from '@app/contracts';
import { Outbox } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentConfig } from '../config/payment-config';
import { PAYMENT_CONFIG } from '../config/payment-config.token';
import { NotificationRejected, PaymentProvider, VerifiedNotification } from '../providers/payment-provider';
import { ProviderRegistry } from '../providers/provider-registry.service';
import { AttemptRelease } from '../sessions/attempt-release.service';
import { AttemptRow, sessionChange } from '../sessions/attempt-row';
import { RefundCompletion } from '../sessions/refund-completion.service';
import {
  attemptSourcesOf,
  canMoveAttempt,
  PAID_ATTEMPT_STATUSES,
  PAYABLE_ATTEMPT_STATUSES,
} from '../sessions/attempt.state';

type Applied = 'applied' | 'unchanged' | 'duplicate' | 'superseded';
type LockedAttempt = AttemptRow & { current_attempt_id: string | null; canceled_at: Date | null };

const PRUNE_EVERY_MS = 60_000;

/**
 * Provider notifications. Trusted only when the provider's signature verifies on the raw bytes, the
 * signed time is within the tolerance, the nonce is new, and amount, currency, merchant and our
 * attempt id match; otherwise refused, logged, and nothing changes. Each provider event id is
 * applied once (its row commits with the effect); a repeat gets the provider's success answer. The
 * answer is given only after the effect committed. Money paid on an attempt the cart moved on from
 * is voided or refunded, never kept.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly providers: ProviderRegistry,
    private readonly outbox: Outbox,
    private readonly release: AttemptRelease,
    private readonly refunds: RefundCompletion,
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
  ) {}

  async receive(notification: ProviderNotification): Promise<NotificationReply> {
    const provider = this.providers.get(notification.provider_id);
    const headers = Object.fromEntries(
      Object.entries(notification.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    try {
      const verified = provider.verify(Buffer.from(notification.body_base64, 'base64'), headers, new Date());
      let attempt: LockedAttempt | undefined;
      const applied = await this.dataSource.transaction(async (manager) => {
        const result = await this.apply(manager, provider, verified);
        attempt = result.attempt;
        return result.applied;
      });
      if (applied === 'superseded' && attempt) await this.release.release(attempt);
      this.pruneNonces();
      return provider.acknowledge();
    } catch (error) {
      if (!(error instanceof NotificationRejected)) throw error;
      this.logger.warn(`Refused a ${provider.id} notification: ${error.message}`);
      return provider.refuse();
    }
  }

  private async apply(
    manager: EntityManager,
    provider: PaymentProvider,
    verified: VerifiedNotification,
  ): Promise<{ applied: Applied; attempt?: LockedAttempt }> {
    const [fresh] = await manager.query(
      `INSERT INTO payment.notification (provider_id, event_id, attempt_id, outcome) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [provider.id, verified.event_id, verified.attempt_id, verified.outcome],
    );
    if (!fresh) return { applied: 'duplicate' };
    if (verified.nonce) {
      const [unseen] = await manager.query(
        `INSERT INTO payment.notification_nonce (provider_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING nonce`,
        [provider.id, verified.nonce],
      );
      if (!unseen) throw new NotificationRejected(`nonce ${verified.nonce} seen before`);
    }
    const [attempt]: LockedAttempt[] = await manager.query(
      `SELECT a.*, s.current_attempt_id, s.canceled_at FROM payment.attempt a
       JOIN payment.session s ON s.id = a.session_id WHERE a.id = $1 FOR UPDATE OF a`,
      [verified.attempt_id],
    );
    if (!attempt || attempt.provider_id !== provider.id) {
      throw new NotificationRejected(`unknown payment ${verified.attempt_id}`);
    }
    if (verified.outcome === 'refunded') return this.applyRefund(manager, attempt, verified);
    if (attempt.amount !== verified.amount || attempt.currency_code !== verified.currency_code) {
      throw new NotificationRejected(
        `${attempt.id} is ${attempt.amount} ${attempt.currency_code}, the notification says ${verified.amount} ${verified.currency_code}`,
      );
    }
    const current = attempt.current_attempt_id === attempt.id && !attempt.canceled_at;
    const data = sessionChange(attempt, verified.provider_reference);
    if (verified.outcome === 'authorized' || verified.outcome === 'captured') {
      if (
        PAID_ATTEMPT_STATUSES.includes(attempt.status) ||
        !canMoveAttempt(attempt.status, verified.outcome)
      ) {
        return { applied: 'unchanged' };
      }
      const payable = PAYABLE_ATTEMPT_STATUSES.includes(attempt.status);
      await manager.query(
        `UPDATE payment.attempt SET status = $2, session_status = 'authorized',
           provider_reference = coalesce(provider_reference, $3), updated_at = now() WHERE id = $1 AND status = ANY($4)`,
        [attempt.id, verified.outcome, verified.provider_reference, attemptSourcesOf(verified.outcome)],
      );
      if (!current || !payable)
        return { applied: 'superseded', attempt: { ...attempt, status: verified.outcome } };
      await this.outbox.record(manager, PaymentEvents.sessionAuthorized, { id: attempt.session_id }, data);
      return { applied: 'applied' };
    }
    if (verified.outcome === 'failed') {
      if (!canMoveAttempt(attempt.status, 'failed')) return { applied: 'unchanged' };
      await manager.query(
        `UPDATE payment.attempt SET status = 'failed', session_status = 'error', updated_at = now()
         WHERE id = $1 AND status = ANY($2)`,
        [attempt.id, attemptSourcesOf('failed')],
      );
      if (current)
        await this.outbox.record(manager, PaymentEvents.sessionFailed, { id: attempt.session_id }, data);
      return { applied: 'applied' };
    }
    return { applied: 'unchanged' };
  }

  /**
   * A refund result (the cashier's 退款结果通知): the refund we asked for, of its amount and currency,
   * is done — once, however often it is told. One we never asked for is logged and left alone.
   */
  private async applyRefund(
    manager: EntityManager,
    attempt: LockedAttempt,
    verified: VerifiedNotification,
  ): Promise<{ applied: Applied }> {
    const [refund]: { amount: number }[] = verified.refund_id
      ? await manager.query('SELECT amount FROM payment.refund WHERE id = $1 AND attempt_id = $2', [
          verified.refund_id,
          attempt.id,
        ])
      : [];
    if (!refund) {
      this.logger.warn(
        `A refund of ${attempt.id} we did not ask for (${verified.refund_id ?? 'no id'}) was notified`,
      );
      return { applied: 'unchanged' };
    }
    if (refund.amount !== verified.amount || attempt.currency_code !== verified.currency_code) {
      throw new NotificationRejected(
        `refund ${verified.refund_id} is ${refund.amount} ${attempt.currency_code}, the notification says ${verified.amount} ${verified.currency_code}`,
      );
    }
    return { applied: (await this.refunds.complete(manager, verified.refund_id!)) ? 'applied' : 'unchanged' };
  }

  /** Nonces only need keeping while a signed time is still accepted. */
  private pruneNonces(): void {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    void this.dataSource
      .query(`DELETE FROM payment.notification_nonce WHERE seen_at < now() - make_interval(secs => $1)`, [
        this.config.notificationToleranceSeconds * 2,
      ])
      .catch(() => undefined);
  }
}
