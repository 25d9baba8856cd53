import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers and their address books, admin users, server-side sessions and throttle counters. An
 * email has at most one account (guest customers without an account may share it); a session is a
 * random id the gateway's signed cookie carries.
 */
export class CreateCustomers1767230400000 implements MigrationInterface {
  name = 'CreateCustomers1767230400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer.customer (
        id text PRIMARY KEY,
        email text NOT NULL,
        first_name text,
        last_name text,
        phone text,
        billing_address_id text,
        password_hash text,
        has_account boolean NOT NULL DEFAULT false,
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE UNIQUE INDEX customer_account_email_idx ON customer.customer (email) WHERE has_account AND deleted_at IS NULL;
      CREATE TABLE customer.address (
        id text PRIMARY KEY,
        -- null for a billing address, which belongs to its customer through billing_address_id
        customer_id text REFERENCES customer.customer (id),
        company text,
        first_name text,
        last_name text,
        address_1 text,
        address_2 text,
        city text,
        country_code text,
        province text,
        postal_code text,
        phone text,
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE INDEX address_customer_idx ON customer.address (customer_id) WHERE deleted_at IS NULL;
      CREATE TABLE customer.admin_user (
        id text PRIMARY KEY,
        email text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE customer.session (
        id text PRIMARY KEY,
        actor text NOT NULL CHECK (actor IN ('customer', 'admin')),
        actor_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE customer.throttle (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        hits integer NOT NULL
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE customer.throttle, customer.session, customer.admin_user, customer.address, customer.customer',
    );
  }
}
