import { MigrationInterface, QueryRunner } from 'typeorm';

/** Refunds of captured money: each by the caller's refund id (a retry refunds once), and their sum per attempt. */
export class AddRefunds1767226700000 implements MigrationInterface {
  name = 'AddRefunds1767226700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE payment.attempt ADD COLUMN amount_refunded integer NOT NULL DEFAULT 0;
      CREATE TABLE payment.refund (
        id text PRIMARY KEY,
        attempt_id text NOT NULL REFERENCES payment.attempt (id),
        amount integer NOT NULL CHECK (amount > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE payment.refund; ALTER TABLE payment.attempt DROP COLUMN amount_refunded');
  }
}
