import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders known canceled (a payment opened for one afterwards is refused), and the points an
 * attempt has given back as its money was refunded (pro rata).
 */
export class ChargeRefunds1767231400000 implements MigrationInterface {
  name = 'ChargeRefunds1767231400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment.canceled_order (
        order_id text PRIMARY KEY,
        canceled_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE payment.charge ADD COLUMN points_refunded integer NOT NULL DEFAULT 0 CHECK (points_refunded >= 0);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE payment.canceled_order; ALTER TABLE payment.charge DROP COLUMN points_refunded',
    );
  }
}
