import { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdentifier } from './create-database';
import { literal, schemaOf } from './platform-tables.migration';

/**
 * The outbox's NOTIFY names each new event (its id as the payload), so the relay claims exactly
 * those rows by key instead of scanning for unsent ones on every wake-up.
 */
export class OutboxNotifyIds1767230300000 implements MigrationInterface {
  name = 'OutboxNotifyIds1767230300000';

  async up(db: QueryRunner): Promise<void> {
    await this.notify(db, 'NEW.id', 'ROW');
  }

  async down(db: QueryRunner): Promise<void> {
    await this.notify(db, "''", 'STATEMENT');
  }

  private async notify(db: QueryRunner, payload: string, level: 'ROW' | 'STATEMENT'): Promise<void> {
    const schema = schemaOf(db);
    const s = quoteIdentifier(schema);
    await db.query(`
      DROP TRIGGER outbox_notify ON ${s}.outbox;
      CREATE OR REPLACE FUNCTION ${s}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify(${literal(`${schema}_outbox`)}, ${payload}); RETURN NULL; END $$;
      CREATE TRIGGER outbox_notify AFTER INSERT ON ${s}.outbox
        FOR EACH ${level} EXECUTE FUNCTION ${s}.outbox_notify();
    `);
  }
}
