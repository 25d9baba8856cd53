import { Inject, Injectable } from '@nestjs/common';
import { AuthSessionReply, OpenSessionCommand } from '@app/contracts';
import { DomainError, PreparedStatements } from '@app/platform';
import { randomBytes } from 'node:crypto';
import { CUSTOMER_CONFIG, CustomerConfig } from '../config/customer-config';

const COLUMNS = `id AS session_id, actor, actor_id,
  to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS expires_at`;

/**
 * Server-side sessions: a random, unguessable id (the gateway signs it into the `connect.sid`
 * cookie), standing for a customer or an admin user until it expires or is ended at sign-out.
 */
@Injectable()
export class Sessions {
  constructor(
    private readonly statements: PreparedStatements,
    @Inject(CUSTOMER_CONFIG) private readonly config: CustomerConfig,
  ) {}

  async open(command: OpenSessionCommand): Promise<AuthSessionReply> {
    const [session] = await this.statements.rows<AuthSessionReply>({
      text: `INSERT INTO customer.session (id, actor, actor_id, expires_at)
             VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING ${COLUMNS}`,
      values: [
        randomBytes(24).toString('base64url'),
        command.actor,
        command.actor_id,
        this.config.sessionTtlHours,
      ],
    });
    return session;
  }

  /** The live session, or 401. */
  async get(sessionId: string): Promise<AuthSessionReply> {
    const [session] = await this.statements.rows<AuthSessionReply>({
      text: `SELECT ${COLUMNS} FROM customer.session WHERE id = $1 AND ended_at IS NULL AND expires_at > now()`,
      values: [sessionId],
    });
    if (!session) throw DomainError.unauthenticated();
    return session;
  }

  async end(sessionId: string): Promise<{ ended: boolean }> {
    const ended = await this.statements.rows({
      text: 'UPDATE customer.session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL RETURNING id',
      values: [sessionId],
    });
    return { ended: ended.length > 0 };
  }
}
