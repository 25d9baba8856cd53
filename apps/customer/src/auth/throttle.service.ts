import { Inject, Injectable } from '@nestjs/common';
import { DomainError, PreparedStatements } from '@app/platform';
import { CUSTOMER_CONFIG, CustomerConfig } from '../config/customer-config';

/**
 * Counts attempts per key (`sign-in:<email>`, …) in fixed windows, in the customer app's database,
 * so every gateway replica sees the same counts. A key over its limit is refused with 429 and the
 * seconds until its window ends.
 */
@Injectable()
export class Throttle {
  constructor(
    private readonly statements: PreparedStatements,
    @Inject(CUSTOMER_CONFIG) private readonly config: CustomerConfig,
  ) {}

  /** Refuses (429) when `key` already had `limit` attempts in its window. */
  async check(key: string, limit: number): Promise<void> {
    const [row] = await this.statements.rows<{ hits: number; seconds_left: number }>({
      text: `SELECT hits, extract(epoch FROM window_started_at + make_interval(mins => $2) - now())::float AS seconds_left
             FROM customer.throttle WHERE key = $1 AND window_started_at > now() - make_interval(mins => $2)`,
      values: [key, this.config.throttleWindowMinutes],
    });
    if (row && row.hits >= limit) throw DomainError.throttled(row.seconds_left);
  }

  /** Counts one attempt of `key` (a new window when the last one ended). */
  async count(key: string): Promise<void> {
    await this.statements.rows({
      text: `INSERT INTO customer.throttle AS t (key, window_started_at, hits) VALUES ($1, now(), 1)
             ON CONFLICT (key) DO UPDATE SET
               hits = CASE WHEN t.window_started_at > now() - make_interval(mins => $2) THEN t.hits + 1 ELSE 1 END,
               window_started_at = CASE WHEN t.window_started_at > now() - make_interval(mins => $2)
                 THEN t.window_started_at ELSE now() END`,
      values: [key, this.config.throttleWindowMinutes],
    });
  }

  /** Counts an attempt of `key`, then refuses it if it went over `limit`. */
  async take(key: string, limit: number): Promise<void> {
    await this.check(key, limit);
    await this.count(key);
  }
}
