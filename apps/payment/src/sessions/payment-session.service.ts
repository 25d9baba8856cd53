import { Inject, Injectable } from '@nestjs/common';
import {
  PaymentEvents,
  SessionDataUpdate,
  SessionInput,
  SessionRef,
  SessionRefund,
  SessionReply,
} from '@app/contracts';
import { DomainError, newId, Outbox, PLATFORM_CONFIG, PlatformConfig } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PAYMENT_CONFIG } from '../config/payment-config.token';
import { PaymentConfig } from '../config/payment-config';
import { ProviderRegistry } from '../providers/provider-registry.service';
import { AttemptRelease, withTimeout } from './attempt-release.service';
import { AttemptRow, isLive, sessionChange, toAttempt, toReply } from './attempt-row';
import { RefundCompletion } from './refund-completion.service';
import { PAYABLE_ATTEMPT_STATUSES } from './attempt.state';

type Decision = { reply: AttemptRow } | { open: AttemptRow; supersede: AttemptRow | null };

/**
 * The provider side of a cart's payment sessions. A session holds one current attempt at its
 * provider; asking for another amount voids it and opens a new one. The attempt is recorded before
 * the provider is called and carries our id, so a call that timed out is settled by the next one
 * (the provider answers it as the same session), never opened twice.
 */
@Injectable()
export class PaymentSessions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly providers: ProviderRegistry,
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    private readonly release: AttemptRelease,
    private readonly outbox: Outbox,
    private readonly refunds: RefundCompletion,
  ) {}

  /** Opens the session at its provider for the input's amount, or returns it when open for that amount already. */
  openForAmount(input: SessionInput): Promise<SessionReply> {
    return this.open(input, false);
  }

  /** A new provider session for the same amount, the old one voided. */
  refresh(input: SessionInput): Promise<SessionReply> {
    return this.open(input, true);
  }

  async get(ref: SessionRef): Promise<SessionReply> {
    const [row]: AttemptRow[] = await this.dataSource.query(
      `SELECT a.* FROM payment.session s JOIN payment.attempt a ON a.id = s.current_attempt_id WHERE s.id = $1`,
      [ref.session_id],
    );
    if (!row) throw DomainError.notFound(`Payment session ${ref.session_id} was not found`);
    return toReply(row);
  }

  /**
   * Whether the session's current attempt is paid: known already, or asked of its provider now. A
   * payment found this way is recorded exactly as its notification would have been (once, with
   * `events.payment.session-authorized`).
   */
  async authorize(ref: SessionRef): Promise<SessionReply> {
    const [row]: AttemptRow[] = await this.dataSource.query(
      `SELECT a.* FROM payment.session s JOIN payment.attempt a ON a.id = s.current_attempt_id
       WHERE s.id = $1 AND s.canceled_at IS NULL`,
      [ref.session_id],
    );
    if (!row) throw DomainError.notFound(`Payment session ${ref.session_id} was not found`);
    if (row.status === 'authorized' || row.status === 'captured') return toReply(row);
    const status = await withTimeout(
      this.providers.get(row.provider_id).authorize(toAttempt(row)),
      this.platform.providerTimeoutMs,
      `${row.provider_id} did not answer in time`,
    );
    if (status !== 'authorized' && status !== 'captured') return toReply(row);
    // One statement: the attempt paid, and its event recorded only if this call paid it.
    const event = this.outbox.inStatement(
      PaymentEvents.sessionAuthorized,
      { id: row.session_id },
      sessionChange(row),
      'paid',
      4,
    );
    const [paid]: AttemptRow[] = await this.dataSource.query(
      `WITH paid AS (
         UPDATE payment.attempt SET status = $2, session_status = 'authorized', updated_at = now()
         WHERE id = $1 AND status = ANY($3) RETURNING *),
       event AS (${event.sql})
       SELECT * FROM paid`,
      [row.id, status, PAYABLE_ATTEMPT_STATUSES, ...event.values],
    );
    return toReply(paid ?? (await this.attempt(this.dataSource.manager, row.id)));
  }

  /**
   * Takes the session's authorized money at its provider (once: an attempt already captured is
   * answered as it is), recorded with `events.payment.captured`.
   */
  async capture(ref: SessionRef): Promise<SessionReply> {
    const row = await this.current(ref);
    if (row.status === 'captured') return toReply(row);
    if (row.status !== 'authorized') {
      throw DomainError.notAllowed(`A ${row.status} payment cannot be captured`, 'payment_not_authorized');
    }
    await withTimeout(
      this.providers.get(row.provider_id).capture(toAttempt(row)),
      this.platform.providerTimeoutMs,
      `${row.provider_id} did not answer in time`,
    );
    return this.dataSource.transaction(async (manager) => {
      const [[captured]]: [AttemptRow[], number] = await manager.query(
        `UPDATE payment.attempt SET status = 'captured', updated_at = now() WHERE id = $1 AND status = 'authorized' RETURNING *`,
        [row.id],
      );
      if (!captured) return toReply(await this.attempt(manager, row.id));
      await this.outbox.record(
        manager,
        PaymentEvents.captured,
        { id: captured.session_id },
        sessionChange(captured),
      );
      return toReply(captured);
    });
  }

  /**
   * Gives back `amount` of the session's captured money, at most what is left; the caller's
   * `refund_id` makes a retry refund once, here and at the provider. The refund is recorded pending
   * (its amount spent) before the provider is asked, and completed after, with
   * `events.payment.refunded` (reason `requested`); no transaction is open while the provider answers.
   */
  async refund(request: SessionRefund): Promise<SessionReply> {
    const pending = await this.dataSource.transaction(async (manager) => {
      // One refund of an attempt at a time: the amount left is checked and spent under its lock.
      const row = await this.current(request, manager);
      const [known] = await manager.query('SELECT status FROM payment.refund WHERE id = $1', [
        request.refund_id,
      ]);
      if (known) return { row, owed: known.status === 'pending', retried: true };
      if (row.status !== 'captured') {
        throw DomainError.notAllowed(`A ${row.status} payment cannot be refunded`, 'payment_not_captured');
      }
      const [{ spent }] = await manager.query(
        `SELECT coalesce(sum(amount), 0)::int AS spent FROM payment.refund WHERE attempt_id = $1 AND status = 'pending'`,
        [row.id],
      );
      const left = row.amount - row.amount_refunded - spent;
      if (request.amount > left) {
        throw DomainError.invalidData(`Refund of ${request.amount} exceeds the ${left} left to refund`);
      }
      await manager.query(
        `INSERT INTO payment.refund (id, attempt_id, amount, status) VALUES ($1, $2, $3, 'pending')`,
        [request.refund_id, row.id, request.amount],
      );
      return { row, owed: true, retried: false };
    });
    if (!pending.owed) return toReply(pending.row);
    const provider = this.providers.get(pending.row.provider_id);
    const attempt = toAttempt(pending.row);
    const late = `${pending.row.provider_id} did not answer in time`;
    // A retry of a refund whose answer was lost asks the provider first (its refund query), and asks
    // for the refund again only when the provider never got it.
    const taken =
      pending.retried &&
      provider.refundStatus &&
      (await withTimeout(
        provider.refundStatus(attempt, request.refund_id),
        this.platform.providerTimeoutMs,
        late,
      )) === 'succeeded';
    if (!taken) {
      await withTimeout(
        provider.refund(attempt, request.amount, request.refund_id),
        this.platform.providerTimeoutMs,
        late,
      );
    }
    return this.dataSource.transaction((manager) => this.completeRefund(manager, request));
  }

  /** Marks a pending refund as taken by the provider and counts it on its attempt (once). */
  private async completeRefund(manager: EntityManager, request: SessionRefund): Promise<SessionReply> {
    const refunded = await this.refunds.complete(manager, request.refund_id);
    return toReply(refunded ?? (await this.current(request, manager)));
  }

  /** The session's current attempt (locked in `manager`'s transaction when given), or `not_found`. */
  private async current(ref: SessionRef, manager?: EntityManager): Promise<AttemptRow> {
    const [row]: AttemptRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT a.* FROM payment.session s JOIN payment.attempt a ON a.id = s.current_attempt_id WHERE s.id = $1
       ${manager ? 'FOR UPDATE OF a' : ''}`,
      [ref.session_id],
    );
    if (!row) throw DomainError.notFound(`Payment session ${ref.session_id} was not found`);
    return row;
  }

  /** Voids the session's attempt at its provider; a session never opened is simply forgotten. */
  async cancel(ref: SessionRef): Promise<SessionReply | null> {
    const current = await this.dataSource.transaction(async (manager) => {
      const [session] = await manager.query('SELECT * FROM payment.session WHERE id = $1 FOR UPDATE', [
        ref.session_id,
      ]);
      if (!session) return null;
      await manager.query(
        'UPDATE payment.session SET canceled_at = now(), updated_at = now() WHERE id = $1',
        [session.id],
      );
      return session.current_attempt_id ? this.attempt(manager, session.current_attempt_id) : null;
    });
    if (!current) return null;
    await this.release.release(current);
    return toReply({ ...current, session_status: 'canceled' });
  }

  async updateData(update: SessionDataUpdate): Promise<SessionReply> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: AttemptRow[] = await manager.query(
        `SELECT a.* FROM payment.session s JOIN payment.attempt a ON a.id = s.current_attempt_id
         WHERE s.id = $1 FOR UPDATE OF a`,
        [update.session_id],
      );
      if (!row) throw DomainError.notFound(`Payment session ${update.session_id} was not found`);
      const data = this.providers.get(row.provider_id).updateData(toAttempt(row), update.data, row.data);
      await manager.query('UPDATE payment.attempt SET data = $2, updated_at = now() WHERE id = $1', [
        row.id,
        data,
      ]);
      return toReply({ ...row, data });
    });
  }

  private async open(input: SessionInput, fresh: boolean): Promise<SessionReply> {
    const provider = this.providers.get(input.provider_id);
    const first = await this.openFirst(input);
    const decision: Decision = first
      ? { open: first, supersede: null }
      : await this.dataSource.transaction((manager) => this.decide(manager, input, fresh));
    if ('reply' in decision && decision.reply.status !== 'initiating') return toReply(decision.reply);
    const attempt = 'reply' in decision ? decision.reply : decision.open;
    if ('supersede' in decision && decision.supersede) await this.release.release(decision.supersede);
    const initiated = await withTimeout(
      provider.initiate({ attempt: toAttempt(attempt), context: input.context }),
      this.platform.providerTimeoutMs,
      `${attempt.provider_id} did not answer in time`,
    );
    const status = initiated.status === 'authorized' ? 'authorized' : 'open';
    const [[row]]: [AttemptRow[]] = await this.dataSource.query(
      `UPDATE payment.attempt SET status = $2, session_status = $3, provider_reference = $4, data = $5, updated_at = now()
       WHERE id = $1 AND status = 'initiating' RETURNING *`,
      [attempt.id, status, initiated.status, initiated.provider_reference, initiated.data],
    );
    return toReply(row ?? (await this.attempt(this.dataSource.manager, attempt.id)));
  }

  /**
   * A session seen for the first time and its first attempt, in one statement; null when the session
   * exists already (then `decide` under its lock).
   */
  private async openFirst(input: SessionInput): Promise<AttemptRow | null> {
    const [opened]: AttemptRow[] = await this.dataSource.query(
      `WITH new_session AS (
         INSERT INTO payment.session (id, cart_id, provider_id, current_attempt_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO NOTHING RETURNING id)
       INSERT INTO payment.attempt (id, session_id, cart_id, provider_id, amount, currency_code, expires_at)
       SELECT $4, id, $2, $3, $5, $6, coalesce($8::timestamptz, now() + make_interval(mins => $7)) FROM new_session
       RETURNING *`,
      [
        input.session_id,
        input.cart_id,
        input.provider_id,
        newId('ptx'),
        input.amount,
        input.currency_code,
        this.config.sessionTtlMinutes,
        input.expires_at ?? null,
      ],
    );
    return opened ?? null;
  }

  /** Under the session's lock: keep the current attempt, retry it, or open a new one. */
  private async decide(manager: EntityManager, input: SessionInput, fresh: boolean): Promise<Decision> {
    await manager.query(
      `INSERT INTO payment.session (id, cart_id, provider_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
      [input.session_id, input.cart_id, input.provider_id],
    );
    const [session] = await manager.query('SELECT * FROM payment.session WHERE id = $1 FOR UPDATE', [
      input.session_id,
    ]);
    if (session.cart_id !== input.cart_id || session.provider_id !== input.provider_id) {
      throw DomainError.invalidData(
        `Payment session ${input.session_id} belongs to another cart or provider`,
      );
    }
    const current = session.current_attempt_id
      ? await this.attempt(manager, session.current_attempt_id)
      : null;
    const same = current && current.amount === input.amount && current.currency_code === input.currency_code;
    if (!fresh && same && isLive(current)) return { reply: current };
    const [opened]: AttemptRow[] = await manager.query(
      `INSERT INTO payment.attempt (id, session_id, cart_id, provider_id, amount, currency_code, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($8::timestamptz, now() + make_interval(mins => $7))) RETURNING *`,
      [
        newId('ptx'),
        session.id,
        input.cart_id,
        input.provider_id,
        input.amount,
        input.currency_code,
        this.config.sessionTtlMinutes,
        input.expires_at ?? null,
      ],
    );
    await manager.query(
      'UPDATE payment.session SET current_attempt_id = $2, canceled_at = NULL, updated_at = now() WHERE id = $1',
      [session.id, opened.id],
    );
    return { open: opened, supersede: current };
  }

  private async attempt(manager: EntityManager, id: string): Promise<AttemptRow> {
    const [row] = await manager.query('SELECT * FROM payment.attempt WHERE id = $1', [id]);
    return row;
  }
}
