import { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions with their currencies, countries and providers (Medusa v1's region model). */
export class CreateRegions1767225600000 implements MigrationInterface {
  name = 'CreateRegions1767225600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE catalog.currency (
        code text PRIMARY KEY,
        symbol text NOT NULL,
        symbol_native text NOT NULL,
        name text NOT NULL,
        includes_tax boolean NOT NULL DEFAULT false
      );
      CREATE TABLE catalog.payment_provider (
        id text PRIMARY KEY,
        is_installed boolean NOT NULL DEFAULT true
      );
      CREATE TABLE catalog.fulfillment_provider (
        id text PRIMARY KEY,
        is_installed boolean NOT NULL DEFAULT true
      );
      CREATE TABLE catalog.region (
        id text PRIMARY KEY,
        name text NOT NULL,
        currency_code text NOT NULL REFERENCES catalog.currency (code),
        tax_rate real NOT NULL DEFAULT 0,
        tax_code text,
        gift_cards_taxable boolean NOT NULL DEFAULT true,
        automatic_taxes boolean NOT NULL DEFAULT true,
        includes_tax boolean NOT NULL DEFAULT false,
        tax_provider_id text,
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE INDEX region_created_at_idx ON catalog.region (created_at, id) WHERE deleted_at IS NULL;
      CREATE TABLE catalog.country (
        id integer PRIMARY KEY,
        iso_2 text NOT NULL UNIQUE,
        iso_3 text NOT NULL,
        num_code integer NOT NULL,
        name text NOT NULL,
        display_name text NOT NULL,
        region_id text REFERENCES catalog.region (id) ON DELETE SET NULL
      );
      CREATE INDEX country_region_id_idx ON catalog.country (region_id);
      CREATE TABLE catalog.region_payment_providers (
        region_id text NOT NULL REFERENCES catalog.region (id) ON DELETE CASCADE,
        provider_id text NOT NULL REFERENCES catalog.payment_provider (id),
        PRIMARY KEY (region_id, provider_id)
      );
      CREATE TABLE catalog.region_fulfillment_providers (
        region_id text NOT NULL REFERENCES catalog.region (id) ON DELETE CASCADE,
        provider_id text NOT NULL REFERENCES catalog.fulfillment_provider (id),
        PRIMARY KEY (region_id, provider_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE catalog.region_fulfillment_providers;
      DROP TABLE catalog.region_payment_providers;
      DROP TABLE catalog.country;
      DROP TABLE catalog.region;
      DROP TABLE catalog.fulfillment_provider;
      DROP TABLE catalog.payment_provider;
      DROP TABLE catalog.currency;
    `);
  }
}
