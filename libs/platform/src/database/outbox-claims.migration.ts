import { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdentifier } from './create-database';
import { schemaOf } from './platform-tables.migration';

/**
 * Outbox rows are claimed by a relay until a time (one statement, no transaction held while
 * JetStream acknowledges them); a relay that dies leaves its claim to expire.
 */
export class OutboxClaims1767230000000 implements MigrationInterface {
  name = 'OutboxClaims1767230000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE ${quoteIdentifier(schemaOf(db))}.outbox ADD COLUMN claimed_until timestamptz`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ${quoteIdentifier(schemaOf(db))}.outbox DROP COLUMN claimed_until`);
  }
}
