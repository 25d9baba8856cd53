import { MigrationInterface, QueryRunner } from 'typeorm';

/** The provider's payment number and the payment's expiry, for seed 001's view of an order's payments. */
export class AddPaymentReferences1767226400000 implements MigrationInterface {
  name = 'AddPaymentReferences1767226400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "order".payment ADD COLUMN provider_reference text, ADD COLUMN expires_at timestamptz;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE "order".payment DROP COLUMN provider_reference, DROP COLUMN expires_at');
  }
}
