import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merchant webhooks and customer mail. Endpoints come from configuration (upserted at start by
 * URL); a delivery is one event for one endpoint (unique: a duplicate event delivers once), retried
 * on its schedule until delivered or dead; every attempt is logged with its status and latency.
 * Messages are customer mail, one per event and kind.
 */
export class CreateWebhooks1767226500000 implements MigrationInterface {
  name = 'CreateWebhooks1767226500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification.webhook_endpoint (
        id text PRIMARY KEY,
        url text NOT NULL UNIQUE,
        secret text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('webhook', 'feishu')),
        events text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE notification.webhook_delivery (
        id text PRIMARY KEY,
        endpoint_id text NOT NULL REFERENCES notification.webhook_endpoint (id),
        event_id text NOT NULL,
        event_type text NOT NULL,
        event jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (endpoint_id, event_id)
      );
      CREATE INDEX webhook_delivery_due_idx ON notification.webhook_delivery (next_attempt_at) WHERE status = 'pending';
      CREATE TABLE notification.webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id text NOT NULL REFERENCES notification.webhook_delivery (id),
        attempt integer NOT NULL,
        status_code integer,
        latency_ms integer NOT NULL,
        error text,
        attempted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_attempt_delivery_idx ON notification.webhook_attempt (delivery_id);
      CREATE TABLE notification.message (
        id text PRIMARY KEY,
        event_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('order_confirmation', 'payment_receipt')),
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        transport_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (event_id, kind)
      );
      CREATE INDEX message_pending_idx ON notification.message (created_at) WHERE status = 'pending';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE notification.message, notification.webhook_attempt, notification.webhook_delivery, notification.webhook_endpoint',
    );
  }
}
