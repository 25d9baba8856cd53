import { MigrationInterface, QueryRunner } from 'typeorm';

/** Returns whose units went back on the shelf, by key: a return restocks once. */
export class StockReturns1767232200000 implements MigrationInterface {
  name = 'StockReturns1767232200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE catalog.stock_return (
        reservation_key text PRIMARY KEY,
        items jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE catalog.stock_return');
  }
}
