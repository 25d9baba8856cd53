import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns of an order's items (Medusa's `return`): requested by the customer with reasons and return
 * shipping, received by the merchant (then restocked and refunded).
 */
export class Returns1767232300000 implements MigrationInterface {
  name = 'Returns1767232300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "order".return (
        id text PRIMARY KEY,
        order_id text NOT NULL REFERENCES "order"."order" (id),
        status text NOT NULL CHECK (status IN ('requested', 'received')),
        items jsonb NOT NULL,
        shipping_option_id text,
        shipping_amount integer NOT NULL DEFAULT 0,
        refund_amount integer NOT NULL,
        received_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX return_order_idx ON "order".return (order_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE "order".return');
  }
}
