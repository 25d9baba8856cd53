import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The points ledger: a balance per customer that can never go below zero, and its entries, each
 * applied once per key.
 */
export class PointsLedger1767231000000 implements MigrationInterface {
  name = 'PointsLedger1767231000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment.points_balance (
        customer_id text PRIMARY KEY,
        balance integer NOT NULL CHECK (balance >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE payment.points_entry (
        id text PRIMARY KEY,
        key text NOT NULL UNIQUE,
        customer_id text NOT NULL,
        type text NOT NULL CHECK (type IN ('earn', 'hold', 'spend', 'release', 'refund', 'adjust')),
        points integer NOT NULL,
        order_id text,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX points_entry_customer_idx ON payment.points_entry (customer_id, created_at DESC, id DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE payment.points_entry, payment.points_balance');
  }
}
