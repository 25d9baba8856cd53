import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders, one per cart (`cart_id` unique: placing it again finds the first), with a sequential
 * `display_id`. An order keeps the cart as it was frozen at checkout (items with their tax lines,
 * shipping methods, addresses, discounts, gift cards, region, totals): it never changes when the
 * catalog or the cart does. Payments are the ones the checkout was paid with.
 */
export class CreateOrders1767226200000 implements MigrationInterface {
  name = 'CreateOrders1767226200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE SEQUENCE "order".display_id_seq;
      CREATE TABLE "order"."order" (
        id text PRIMARY KEY,
        display_id integer NOT NULL UNIQUE DEFAULT nextval('"order".display_id_seq'),
        cart_id text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'pending',
        fulfillment_status text NOT NULL DEFAULT 'not_fulfilled',
        payment_status text NOT NULL DEFAULT 'awaiting',
        email text NOT NULL,
        customer_id text,
        region_id text NOT NULL,
        currency_code text NOT NULL,
        sales_channel_id text,
        cart jsonb NOT NULL,
        canceled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        metadata jsonb
      );
      CREATE INDEX order_lookup_idx ON "order"."order" (display_id, lower(email));
      CREATE TABLE "order".payment (
        id text PRIMARY KEY,
        order_id text NOT NULL REFERENCES "order"."order" (id),
        cart_id text NOT NULL,
        session_id text NOT NULL,
        provider_id text NOT NULL,
        amount integer NOT NULL CHECK (amount >= 0),
        amount_refunded integer NOT NULL DEFAULT 0,
        currency_code text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        captured_at timestamptz,
        canceled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX payment_order_idx ON "order".payment (order_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE "order".payment, "order"."order"; DROP SEQUENCE "order".display_id_seq');
  }
}
