import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification app's record of the domain events it received. One row per handling: the
 * platform's inbox, not a unique key here, is what makes each event count once.
 */
export class CreateEventLog1767225700000 implements MigrationInterface {
  name = 'CreateEventLog1767225700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification.event_log (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL,
        type text NOT NULL,
        aggregate_id text NOT NULL,
        correlation_id text,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX event_log_event_id_idx ON notification.event_log (event_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification.event_log');
  }
}
