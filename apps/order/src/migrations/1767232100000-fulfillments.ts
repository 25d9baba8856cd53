import { MigrationInterface, QueryRunner } from 'typeorm';

/** An order's fulfillments (Medusa's): which items, how many, and when they shipped with which tracking numbers. */
export class Fulfillments1767232100000 implements MigrationInterface {
  name = 'Fulfillments1767232100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "order".fulfillment (
        id text PRIMARY KEY,
        order_id text NOT NULL REFERENCES "order"."order" (id),
        items jsonb NOT NULL,
        tracking_numbers text[] NOT NULL DEFAULT '{}',
        no_notification boolean,
        shipped_at timestamptz,
        canceled_at timestamptz,
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX fulfillment_order_idx ON "order".fulfillment (order_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE "order".fulfillment');
  }
}
