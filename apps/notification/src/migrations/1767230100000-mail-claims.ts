import { MigrationInterface, QueryRunner } from 'typeorm';

/** Mail is claimed for a while before it is sent, instead of being locked in a transaction meanwhile. */
export class MailClaims1767230100000 implements MigrationInterface {
  name = 'MailClaims1767230100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE notification.message ADD COLUMN claimed_until timestamptz');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE notification.message DROP COLUMN claimed_until');
  }
}
