import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cart's payment sessions, as Medusa v1's cart keeps them: one per provider of the cart's region,
 * at most one selected; `is_initiated` once the provider side is open (the payment app holds it,
 * keyed by the session id); `data` is what the storefront needs to pay (a hosted page URL, app-pay
 * parameters…).
 */
export class CreatePaymentSessions1767226000000 implements MigrationInterface {
  name = 'CreatePaymentSessions1767226000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cart.payment_session (
        id text PRIMARY KEY,
        cart_id text NOT NULL REFERENCES cart.cart (id) ON DELETE CASCADE,
        provider_id text NOT NULL,
        is_selected boolean,
        is_initiated boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'authorized', 'requires_more', 'error', 'canceled')),
        data jsonb NOT NULL DEFAULT '{}',
        idempotency_key text,
        amount integer NOT NULL CHECK (amount >= 0),
        payment_authorized_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cart_id, provider_id)
      );
      CREATE UNIQUE INDEX payment_session_selected_idx ON cart.payment_session (cart_id) WHERE is_selected;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE cart.payment_session');
  }
}
