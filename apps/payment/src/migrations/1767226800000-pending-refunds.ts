import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refund is recorded `pending` before the provider is asked (its amount then counts as spent) and
 * `succeeded` once the provider took it, so no transaction is open while the provider answers, and a
 * refund cut short is finished by a retry with the same id.
 */
export class PendingRefunds1767226800000 implements MigrationInterface {
  name = 'PendingRefunds1767226800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE payment.refund ADD COLUMN status text NOT NULL DEFAULT 'succeeded'
        CHECK (status IN ('pending', 'succeeded'))
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE payment.refund DROP COLUMN status');
  }
}
