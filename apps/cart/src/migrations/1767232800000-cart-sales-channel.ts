import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sales channel a cart is sold in, as the catalog described it when the cart chose it (Medusa's
 * `cart.sales_channel`): checked once, then shown with every read of the cart.
 */
export class CartSalesChannel1767232800000 implements MigrationInterface {
  name = 'CartSalesChannel1767232800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE cart.cart ADD COLUMN sales_channel jsonb');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE cart.cart DROP COLUMN sales_channel');
  }
}
