import { newId } from '@app/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sales channels as Medusa v1.20 has them for the store: the channels a product is sold in, the
 * store's default channel (every product already in the catalog joins it), and publishable API
 * keys, each scoping a storefront to its channels.
 */
export class SalesChannels1767232800000 implements MigrationInterface {
  name = 'SalesChannels1767232800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE catalog.sales_channel (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text,
        is_disabled boolean NOT NULL DEFAULT false,
        is_default boolean NOT NULL DEFAULT false,
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE UNIQUE INDEX sales_channel_one_default ON catalog.sales_channel (is_default) WHERE is_default;
      CREATE TABLE catalog.product_sales_channel (
        product_id text NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
        sales_channel_id text NOT NULL REFERENCES catalog.sales_channel (id) ON DELETE CASCADE,
        PRIMARY KEY (product_id, sales_channel_id)
      );
      CREATE INDEX product_sales_channel_channel ON catalog.product_sales_channel (sales_channel_id);
      CREATE TABLE catalog.publishable_api_key (
        id text PRIMARY KEY,
        title text NOT NULL,
        created_by text,
        revoked_by text,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE catalog.publishable_api_key_sales_channel (
        publishable_key_id text NOT NULL REFERENCES catalog.publishable_api_key (id) ON DELETE CASCADE,
        sales_channel_id text NOT NULL REFERENCES catalog.sales_channel (id) ON DELETE CASCADE,
        PRIMARY KEY (publishable_key_id, sales_channel_id)
      );
    `);
    const id = newId('sc');
    await db.query(
      `INSERT INTO catalog.sales_channel (id, name, description, is_default)
       VALUES ($1, 'Default Sales Channel', 'Created with the store', true)`,
      [id],
    );
    await db.query(
      'INSERT INTO catalog.product_sales_channel (product_id, sales_channel_id) SELECT id, $1 FROM catalog.product',
      [id],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE catalog.publishable_api_key_sales_channel;
      DROP TABLE catalog.publishable_api_key;
      DROP TABLE catalog.product_sales_channel;
      DROP TABLE catalog.sales_channel;
    `);
  }
}
