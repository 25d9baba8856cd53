import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer mail of a new kind: the token that claims guest orders. */
export class OrderClaimMail1767230900000 implements MigrationInterface {
  name = 'OrderClaimMail1767230900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification.message DROP CONSTRAINT message_kind_check;
      ALTER TABLE notification.message ADD CONSTRAINT message_kind_check
        CHECK (kind IN ('order_confirmation', 'payment_receipt', 'password_reset', 'order_claim'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification.message DROP CONSTRAINT message_kind_check;
      ALTER TABLE notification.message ADD CONSTRAINT message_kind_check
        CHECK (kind IN ('order_confirmation', 'payment_receipt', 'password_reset'));
    `);
  }
}
