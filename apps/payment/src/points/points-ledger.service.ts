import { Injectable } from '@nestjs/common';
import { PointsEntry, PointsMovement, PointsMovementReply, PointsQuery, PointsReply } from '@app/contracts';
import { DomainError, newId, PreparedStatements } from '@app/platform';
import { EntityManager } from 'typeorm';

/**
 * Customers' points: each movement is one statement that raises or lowers the balance — only if it
 * stays at zero or above, decided on the locked balance row, so no concurrency takes it below — and
 * records the entry, once per key (a repeat of a key moves nothing and answers the balance).
 */
@Injectable()
export class PointsLedger {
  constructor(private readonly statements: PreparedStatements) {}

  /**
   * Applies the movement, in `within`'s transaction when given (with the write that causes it);
   * 400 `insufficient_points` when it would take the balance below zero.
   */
  async move(movement: PointsMovement, within?: EntityManager): Promise<PointsMovementReply> {
    try {
      // Points in: the balance is created or raised. Points out: raised by a negative amount only
      // while it stays at zero or above, decided on the locked row.
      const balance =
        movement.points >= 0
          ? `INSERT INTO payment.points_balance AS b (customer_id, balance)
             SELECT $2, $3::int WHERE NOT EXISTS (SELECT 1 FROM seen)
             ON CONFLICT (customer_id) DO UPDATE SET balance = b.balance + $3::int, updated_at = now()
             RETURNING balance`
          : `UPDATE payment.points_balance SET balance = balance + $3::int, updated_at = now()
             WHERE customer_id = $2 AND balance + $3::int >= 0 AND NOT EXISTS (SELECT 1 FROM seen)
             RETURNING balance`;
      const statement = {
        text: `WITH seen AS (SELECT 1 FROM payment.points_entry WHERE key = $1),
               moved AS (${balance}),
               entry AS (
                 INSERT INTO payment.points_entry (id, key, customer_id, type, points, order_id, reason)
                 SELECT $4, $1, $2, $5, $3::int, $6, $7 FROM moved)
               SELECT EXISTS (SELECT 1 FROM seen) AS seen, (SELECT balance FROM moved) AS balance`,
        values: [
          movement.key,
          movement.customer_id,
          movement.points,
          newId('pte'),
          movement.type,
          movement.order_id ?? null,
          movement.reason ?? null,
        ],
      };
      const [row]: { seen: boolean; balance: number | null }[] = within
        ? await within.query(statement.text, statement.values)
        : await this.statements.rows(statement);
      if (row.seen) return { balance: await this.balance(movement.customer_id), applied: false };
      if (row.balance === null) {
        throw new DomainError('not_allowed', 'Not enough points', 'insufficient_points');
      }
      return { balance: row.balance, applied: true };
    } catch (error) {
      // The same key applied at this very moment by another call: it moved the points once.
      if (!within && (error as { code?: string }).code === '23505') {
        return { balance: await this.balance(movement.customer_id), applied: false };
      }
      throw error;
    }
  }

  /** The balance and the newest entries first, a page at a time (20 by default). */
  async get(query: PointsQuery): Promise<PointsReply> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 20;
    const entries = await this.statements.rows<PointsEntry & { count: number }>({
      name: 'points_entries',
      text: `SELECT id, type, points, order_id, reason,
               to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
               count(*) OVER ()::int AS count
             FROM payment.points_entry WHERE customer_id = $1
             ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3`,
      values: [query.customer_id, offset, limit],
    });
    return {
      balance: await this.balance(query.customer_id),
      entries: entries.map(({ count: _count, ...entry }) => entry),
      count: entries[0]?.count ?? 0,
      offset,
      limit,
    };
  }

  private async balance(customerId: string): Promise<number> {
    const [row] = await this.statements.rows<{ balance: number }>({
      name: 'points_balance',
      text: 'SELECT balance FROM payment.points_balance WHERE customer_id = $1',
      values: [customerId],
    });
    return row?.balance ?? 0;
  }
}
