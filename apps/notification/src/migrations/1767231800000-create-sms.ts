import { MigrationInterface, QueryRunner } from 'typeorm';

/** Text messages to customers' phones (the presale balance reminder): one per event and kind, sent by the SMS sender. */
export class CreateSms1767231800000 implements MigrationInterface {
  name = 'CreateSms1767231800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification.sms (
        id text PRIMARY KEY,
        event_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('presale_balance_due')),
        phone text NOT NULL,
        template_params jsonb NOT NULL,
        text text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        claimed_until timestamptz,
        transport_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (event_id, kind)
      );
      CREATE INDEX sms_pending_idx ON notification.sms (created_at) WHERE status = 'pending';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification.sms');
  }
}
