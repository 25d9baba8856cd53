import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a checkout ends: `complete` (Medusa's: the cart's payment is authorized before the order is
 * placed) or `submit` (提交订单: the order is placed unpaid and paid afterwards, within its window).
 */
export class CheckoutMode1767231100000 implements MigrationInterface {
  name = 'CheckoutMode1767231100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cart.checkout ADD COLUMN mode text NOT NULL DEFAULT 'complete'
        CHECK (mode IN ('complete', 'submit'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE cart.checkout DROP COLUMN mode');
  }
}
