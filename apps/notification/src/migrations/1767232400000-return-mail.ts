import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer mail of a new kind: a received return and its refund. */
export class ReturnMail1767232400000 implements MigrationInterface {
  name = 'ReturnMail1767232400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification.message DROP CONSTRAINT message_kind_check;
      ALTER TABLE notification.message ADD CONSTRAINT message_kind_check
        CHECK (kind IN ('order_confirmation', 'payment_receipt', 'password_reset', 'order_claim', 'return_received'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification.message DROP CONSTRAINT message_kind_check;
      ALTER TABLE notification.message ADD CONSTRAINT message_kind_check
        CHECK (kind IN ('order_confirmation', 'payment_receipt', 'password_reset', 'order_claim'));
    `);
  }
}
