import { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdentifier } from './create-database';

/**
 * The platform's tables, in the schema of every app that owns data (it is the first migration of
 * each): the transactional outbox (with a NOTIFY so the relay wakes at commit), the inbox of
 * processed events, dead letters, and idempotency keys.
 */
export class PlatformTables1767225500000 implements MigrationInterface {
  name = 'PlatformTables1767225500000';

  async up(db: QueryRunner): Promise<void> {
    const schema = schemaOf(db);
    const s = quoteIdentifier(schema);
    await db.query(`
      CREATE TABLE ${s}.outbox (
        id text PRIMARY KEY,
        subject text NOT NULL,
        envelope jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      );
      CREATE INDEX outbox_unsent_idx ON ${s}.outbox (occurred_at, id) WHERE sent_at IS NULL;
      CREATE INDEX outbox_sent_idx ON ${s}.outbox (sent_at) WHERE sent_at IS NOT NULL;
      CREATE FUNCTION ${s}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify(${literal(`${schema}_outbox`)}, ''); RETURN NULL; END $$;
      CREATE TRIGGER outbox_notify AFTER INSERT ON ${s}.outbox
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.outbox_notify();

      CREATE TABLE ${s}.inbox (
        consumer text NOT NULL,
        event_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      );

      CREATE TABLE ${s}.dead_letter (
        id bigserial PRIMARY KEY,
        consumer text NOT NULL,
        subject text NOT NULL,
        stream_sequence bigint,
        event_id text,
        reason text NOT NULL,
        payload text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE ${s}.idempotency_key (
        key text PRIMARY KEY,
        route text NOT NULL,
        params_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'finished')),
        response jsonb,
        locked_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE INDEX idempotency_key_created_idx ON ${s}.idempotency_key (created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    const s = quoteIdentifier(schemaOf(db));
    await db.query(`
      DROP TABLE ${s}.idempotency_key;
      DROP TABLE ${s}.dead_letter;
      DROP TABLE ${s}.inbox;
      DROP TABLE ${s}.outbox;
      DROP FUNCTION ${s}.outbox_notify();
    `);
  }
}

/** The app's schema: the one its DataSource is configured with. */
export function schemaOf(db: QueryRunner): string {
  return (db.connection.options as { schema?: string }).schema ?? 'public';
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
