import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer mail of a new kind: a gift card bought in an order, with its code. */
export class GiftCardMail1767232500000 implements MigrationInterface {
  name = 'GiftCardMail1767232500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification.message DROP CONSTRAINT message_kind_check;
      ALTER TABLE notification.message ADD CONSTRAINT message_kind_check
        CHECK (kind IN ('order_confirmation', 'payment_receipt', 'password_reset', 'order_claim', 'return_received',
          'gift_card_issued'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification.message DROP CONSTRAINT message_kind_check;
      ALTER TABLE notification.message ADD CONSTRAINT message_kind_check
        CHECK (kind IN ('order_confirmation', 'payment_receipt', 'password_reset', 'order_claim', 'return_received'));
    `);
  }
}
