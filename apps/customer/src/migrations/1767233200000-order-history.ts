import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a customer bought before, as payment providers' fraud checks ask for it: the orders they
 * placed and when they placed their first and their last (kept from `events.order.placed`).
 */
export class OrderHistory1767233200000 implements MigrationInterface {
  name = 'OrderHistory1767233200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE customer.customer
        ADD COLUMN orders_placed integer NOT NULL DEFAULT 0 CHECK (orders_placed >= 0),
        ADD COLUMN first_order_at timestamptz,
        ADD COLUMN last_order_at timestamptz;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE customer.customer
        DROP COLUMN orders_placed, DROP COLUMN first_order_at, DROP COLUMN last_order_at;
    `);
  }
}
