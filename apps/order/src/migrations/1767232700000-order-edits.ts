import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Order edits (Medusa's): the merchant changes an order's lines, the customer confirms (paying a
 * positive difference through a payment collection) or declines. One active edit per order.
 */
export class OrderEdits1767232700000 implements MigrationInterface {
  name = 'OrderEdits1767232700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "order".order_edit (
        id text PRIMARY KEY,
        order_id text NOT NULL REFERENCES "order"."order" (id),
        status text NOT NULL CHECK (status IN ('created', 'requested', 'confirmed', 'declined', 'canceled')),
        items jsonb NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        internal_note text,
        created_by text,
        requested_by text,
        requested_at timestamptz,
        confirmed_at timestamptz,
        declined_reason text,
        declined_at timestamptz,
        payment_collection_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX order_edit_active_idx ON "order".order_edit (order_id) WHERE status IN ('created', 'requested');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE "order".order_edit');
  }
}
