import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer mail of a new kind: the password reset token. */
export class PasswordResetMail1767230700000 implements MigrationInterface {
  name = 'PasswordResetMail1767230700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification.message DROP CONSTRAINT message_kind_check;
      ALTER TABLE notification.message ADD CONSTRAINT message_kind_check
        CHECK (kind IN ('order_confirmation', 'payment_receipt', 'password_reset'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification.message DROP CONSTRAINT message_kind_check;
      ALTER TABLE notification.message ADD CONSTRAINT message_kind_check
        CHECK (kind IN ('order_confirmation', 'payment_receipt'));
    `);
  }
}
