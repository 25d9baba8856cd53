import { Inject, Injectable } from '@nestjs/common';
import { CustomerEvents, CustomerReply, PasswordResetRequest, PasswordTokenRequest } from '@app/contracts';
import { DomainError, Outbox, PreparedStatements } from '@app/platform';
import { createHash, randomBytes } from 'node:crypto';
import { CUSTOMER_CONFIG, CustomerConfig } from '../config/customer-config';
import { CustomerService } from '../customers/customer.service';
import { hashPassword } from './passwords';
import { Throttle } from './throttle.service';

const INVALID = 'Invalid or expired password reset token';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Password reset by mail: a random token (only its hash is kept), mailed by the notification app
 * through `events.customer.password-reset-requested`; it works once, until it expires, and not
 * after the password changed since it was made.
 */
@Injectable()
export class PasswordReset {
  constructor(
    private readonly statements: PreparedStatements,
    private readonly outbox: Outbox,
    private readonly throttle: Throttle,
    private readonly customers: CustomerService,
    @Inject(CUSTOMER_CONFIG) private readonly config: CustomerConfig,
  ) {}

  /** Mails a token when the email has an account; the answer is the same when it has none. */
  async request(command: PasswordTokenRequest): Promise<{ requested: true }> {
    await this.throttle.take(`password-token:${command.email}`, this.config.lookupLimit);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.resetTokenTtlMinutes * 60_000).toISOString();
    const [account] = await this.statements.rows<{ id: string }>({
      name: 'customer_account_by_email',
      text: 'SELECT id FROM customer.customer WHERE email = $1 AND has_account AND deleted_at IS NULL',
      values: [command.email],
    });
    if (!account) return { requested: true };
    const event = this.outbox.inStatement(
      CustomerEvents.passwordResetRequested,
      { id: account.id },
      { customer_id: account.id, email: command.email, token, expires_at: expiresAt },
      'made',
      4,
    );
    await this.statements.rows({
      text: `WITH made AS (INSERT INTO customer.password_token (token_hash, customer_id, expires_at)
               VALUES ($1, $2, $3) RETURNING token_hash),
             event AS (${event.sql})
             SELECT token_hash FROM made`,
      values: [sha256(token), account.id, expiresAt, ...event.values],
    });
    return { requested: true };
  }

  /** Sets the new password if the token is the customer's, unused, unexpired and newer than their password. */
  async reset(command: PasswordResetRequest): Promise<CustomerReply> {
    const [changed] = await this.statements.rows<{ id: string }>({
      text: `WITH used AS (
               UPDATE customer.password_token t SET used_at = now()
               FROM customer.customer c
               WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
                 AND c.id = t.customer_id AND c.email = $2 AND c.has_account AND c.deleted_at IS NULL
                 AND t.created_at >= c.password_changed_at
               RETURNING c.id)
             UPDATE customer.customer SET password_hash = $3, password_changed_at = clock_timestamp(), updated_at = now()
             WHERE id = (SELECT id FROM used) RETURNING id`,
      values: [sha256(command.token), command.email, await hashPassword(command.password)],
    });
    if (!changed) throw new DomainError('unauthorized', INVALID);
    return this.customers.get({ customer_id: changed.id });
  }
}
