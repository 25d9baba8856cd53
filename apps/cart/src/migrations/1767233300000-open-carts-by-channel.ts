import { MigrationInterface, QueryRunner } from 'typeorm';

/** Open carts by their sales channel: a channel the merchant changes refreshes their copies of it. */
export class OpenCartsByChannel1767233300000 implements MigrationInterface {
  name = 'OpenCartsByChannel1767233300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE INDEX cart_open_channel_idx ON cart.cart (sales_channel_id) WHERE completed_at IS NULL',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX cart.cart_open_channel_idx');
  }
}
