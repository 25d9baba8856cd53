import { Injectable } from '@nestjs/common';
import { PeriodicWork, PreparedStatements } from '@app/platform';

/** How often, and how long after they stopped counting, old sessions, tokens and counters go. */
const EVERY_MS = 10 * 60 * 1000;
const KEPT_HOURS = 24;

/**
 * Deletes what no longer signs anyone in or counts: sessions ended or expired, password tokens used
 * or expired, throttle counters whose window ended — each a day after, so support can still see it.
 */
@Injectable()
export class AuthPruning extends PeriodicWork {
  constructor(private readonly statements: PreparedStatements) {
    super();
    this.runEvery(AuthPruning.name, EVERY_MS, () => this.prune());
  }

  async prune(): Promise<void> {
    await this.statements.rows({
      text: `WITH sessions AS (
               DELETE FROM customer.session
               WHERE coalesce(ended_at, expires_at) < now() - make_interval(hours => $1)),
             tokens AS (
               DELETE FROM customer.password_token
               WHERE coalesce(used_at, expires_at) < now() - make_interval(hours => $1))
             DELETE FROM customer.throttle WHERE window_started_at < now() - make_interval(hours => $1)`,
      values: [KEPT_HOURS],
    });
  }
}
