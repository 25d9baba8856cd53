import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Swaps (Medusa's): an order's items returned for new ones. The swap's return is a return naming it;
 * its cart (of type `swap`, at the cart app) holds the new items and the returned ones at negative
 * prices; completing the cart confirms the swap with its new items, its difference and its payment.
 */
export class Swaps1767232600000 implements MigrationInterface {
  name = 'Swaps1767232600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "order".swap (
        id text PRIMARY KEY,
        order_id text NOT NULL REFERENCES "order"."order" (id),
        return_id text NOT NULL,
        cart_id text UNIQUE,
        additional_items jsonb NOT NULL,
        items jsonb,
        shipping_methods jsonb,
        shipping_address jsonb,
        difference_due integer,
        payment jsonb,
        payment_status text NOT NULL DEFAULT 'not_paid' CHECK (payment_status IN
          ('not_paid', 'awaiting', 'captured', 'confirmed', 'canceled', 'difference_refunded',
           'partially_refunded', 'refunded', 'requires_action')),
        fulfillment_status text NOT NULL DEFAULT 'not_fulfilled',
        idempotency_key text,
        confirmed_at timestamptz,
        canceled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX swap_order_idx ON "order".swap (order_id);
      ALTER TABLE "order".return ADD COLUMN swap_id text REFERENCES "order".swap (id) DEFERRABLE INITIALLY DEFERRED;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE "order".return DROP COLUMN swap_id; DROP TABLE "order".swap;');
  }
}
