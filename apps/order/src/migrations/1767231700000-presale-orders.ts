import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Presale orders (seed 004): their terms — deposit, balance and its window, whether the deposit
 * is refundable, when it was paid and the balance reminder sent, delivery, invoice, remark.
 */
export class PresaleOrders1767231700000 implements MigrationInterface {
  name = 'PresaleOrders1767231700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "order"."order" ADD COLUMN presale jsonb;
      CREATE INDEX order_presale_customer_idx ON "order"."order" (customer_id, (presale->>'variant_id'))
        WHERE presale IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE "order"."order" DROP COLUMN presale');
  }
}
