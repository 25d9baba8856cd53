import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The provider side of payments: a session per cart payment session (same id), and an attempt per
 * provider session or trade opened for it (our `trans_id`: a new amount voids the open attempt and
 * opens another). Notifications are kept by provider event id (each is applied once) and their
 * nonces for the replay window.
 */
export class CreatePaymentSessions1767226100000 implements MigrationInterface {
  name = 'CreatePaymentSessions1767226100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment.session (
        id text PRIMARY KEY,
        cart_id text NOT NULL,
        provider_id text NOT NULL,
        current_attempt_id text,
        canceled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX session_cart_idx ON payment.session (cart_id);
      CREATE TABLE payment.attempt (
        id text PRIMARY KEY,
        session_id text NOT NULL REFERENCES payment.session (id),
        cart_id text NOT NULL,
        provider_id text NOT NULL,
        amount integer NOT NULL CHECK (amount > 0),
        currency_code text NOT NULL,
        status text NOT NULL DEFAULT 'initiating' CHECK (status IN
          ('initiating', 'open', 'authorized', 'captured', 'failed', 'voided', 'expired', 'refunded')),
        session_status text NOT NULL DEFAULT 'pending',
        provider_reference text,
        data jsonb NOT NULL DEFAULT '{}',
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX attempt_session_idx ON payment.attempt (session_id, created_at);
      CREATE TABLE payment.notification (
        provider_id text NOT NULL,
        event_id text NOT NULL,
        attempt_id text,
        outcome text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider_id, event_id)
      );
      CREATE TABLE payment.notification_nonce (
        provider_id text NOT NULL,
        nonce text NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider_id, nonce)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE payment.notification_nonce, payment.notification, payment.attempt, payment.session',
    );
  }
}
