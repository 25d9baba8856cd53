import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Swap carts (Medusa's carts of type `swap`): the items a swap returns are lines of negative price
 * (`is_return`), and a swap has one cart (`metadata.swap_id`).
 */
export class SwapCarts1767232600000 implements MigrationInterface {
  name = 'SwapCarts1767232600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cart.line_item DROP CONSTRAINT line_item_unit_price_check;
      ALTER TABLE cart.line_item ADD CONSTRAINT line_item_unit_price_check CHECK (unit_price >= 0 OR is_return);
      CREATE UNIQUE INDEX cart_swap_idx ON cart.cart ((metadata->>'swap_id')) WHERE type = 'swap';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX cart.cart_swap_idx;
      ALTER TABLE cart.line_item DROP CONSTRAINT line_item_unit_price_check;
      ALTER TABLE cart.line_item ADD CONSTRAINT line_item_unit_price_check CHECK (unit_price >= 0);
    `);
  }
}
