import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password reset tokens, kept as their SHA-256 only: single use, with an expiry, and dead once the
 * customer's password changed after they were made.
 */
export class PasswordTokens1767230600000 implements MigrationInterface {
  name = 'PasswordTokens1767230600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE customer.customer ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now();
      CREATE TABLE customer.password_token (
        token_hash text PRIMARY KEY,
        customer_id text NOT NULL REFERENCES customer.customer (id),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE customer.password_token;
      ALTER TABLE customer.customer DROP COLUMN password_changed_at;
    `);
  }
}
