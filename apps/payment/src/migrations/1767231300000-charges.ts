import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments of existing orders (seed 002): each attempt pays part in points (held while the money is
 * on its way) and the rest through a wallet, whose provider session has the attempt's id.
 */
export class Charges1767231300000 implements MigrationInterface {
  name = 'Charges1767231300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment.charge (
        id text PRIMARY KEY,
        order_id text NOT NULL,
        cart_id text NOT NULL,
        customer_id text NOT NULL,
        provider_id text,
        amount integer NOT NULL CHECK (amount >= 0),
        points integer NOT NULL CHECK (points >= 0),
        currency_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'paid', 'superseded', 'canceled', 'expired', 'failed', 'refunded')),
        earned integer NOT NULL DEFAULT 0,
        provider_reference text,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX charge_order_idx ON payment.charge (order_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE payment.charge');
  }
}
