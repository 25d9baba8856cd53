import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payment collections (Medusa's): an amount owed outside a cart — an order edit's difference — paid
 * through sessions at the region's providers. A collection's sessions are provider sessions like a
 * cart's (`payment.session`, keyed by the session id, the collection's id in `cart_id`), so their
 * status, notifications, expiry and releases are the same.
 */
export class PaymentCollections1767232700000 implements MigrationInterface {
  name = 'PaymentCollections1767232700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment.payment_collection (
        id text PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('order_edit')),
        amount integer NOT NULL CHECK (amount > 0),
        currency_code text NOT NULL,
        region_id text NOT NULL,
        provider_ids text[] NOT NULL,
        reference_id text NOT NULL UNIQUE,
        description text,
        email text,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE payment.collection_session (
        id text PRIMARY KEY,
        payment_collection_id text NOT NULL REFERENCES payment.payment_collection (id),
        provider_id text NOT NULL,
        amount integer NOT NULL CHECK (amount > 0),
        removed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX collection_session_collection_idx ON payment.collection_session (payment_collection_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE payment.collection_session, payment.payment_collection');
  }
}
