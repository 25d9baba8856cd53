import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cart's checkout: how far its completion got (`started`, `reserved`, `awaiting_payment`,
 * `completed`), the total it was frozen at, and the order it placed. A checkout waiting for the
 * shopper to pay is resumed by the provider's notification, or by the resumer that looks for paid
 * sessions of waiting checkouts.
 */
export class CreateCheckouts1767226300000 implements MigrationInterface {
  name = 'CreateCheckouts1767226300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cart.checkout (
        cart_id text PRIMARY KEY REFERENCES cart.cart (id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('started', 'reserved', 'awaiting_payment', 'completed')),
        amount integer NOT NULL,
        currency_code text NOT NULL,
        session_id text,
        order_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX checkout_waiting_idx ON cart.checkout (updated_at) WHERE stage = 'awaiting_payment';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE cart.checkout');
  }
}
