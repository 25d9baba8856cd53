import { MigrationInterface, QueryRunner } from 'typeorm';

const TIMESTAMPS = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz`;

/**
 * Products and what a shopper browses with them — collections, types, tags, categories, options,
 * variants, images, prices and price lists — plus shipping profiles and options, and inventory
 * (levels and reservations). Column names follow Medusa v1's models.
 */
export class CreateProducts1767225800000 implements MigrationInterface {
  name = 'CreateProducts1767225800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE catalog.shipping_profile (
        id text PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('default', 'gift_card', 'custom')),
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE TABLE catalog.product_collection (
        id text PRIMARY KEY,
        title text NOT NULL,
        handle text NOT NULL UNIQUE,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE TABLE catalog.product_type (
        id text PRIMARY KEY,
        value text NOT NULL UNIQUE,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE TABLE catalog.product_tag (
        id text PRIMARY KEY,
        value text NOT NULL,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE TABLE catalog.product_category (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        handle text NOT NULL UNIQUE,
        mpath text NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        is_internal boolean NOT NULL DEFAULT false,
        rank integer NOT NULL DEFAULT 0,
        parent_category_id text REFERENCES catalog.product_category (id) ON DELETE CASCADE,
        metadata jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX product_category_parent_idx ON catalog.product_category (parent_category_id);

      CREATE TABLE catalog.product (
        id text PRIMARY KEY,
        title text NOT NULL,
        subtitle text,
        description text,
        handle text UNIQUE,
        is_giftcard boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'proposed', 'published', 'rejected')),
        thumbnail text,
        weight integer, length integer, height integer, width integer,
        hs_code text, origin_country text, mid_code text, material text,
        collection_id text REFERENCES catalog.product_collection (id) ON DELETE SET NULL,
        type_id text REFERENCES catalog.product_type (id) ON DELETE SET NULL,
        profile_id text NOT NULL REFERENCES catalog.shipping_profile (id),
        discountable boolean NOT NULL DEFAULT true,
        external_id text,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE INDEX product_listing_idx ON catalog.product (created_at DESC, id) WHERE deleted_at IS NULL;
      CREATE INDEX product_collection_idx ON catalog.product (collection_id);
      CREATE INDEX product_type_idx ON catalog.product (type_id);

      CREATE TABLE catalog.image (
        id text PRIMARY KEY,
        url text NOT NULL,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE TABLE catalog.product_images (
        product_id text NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
        image_id text NOT NULL REFERENCES catalog.image (id) ON DELETE CASCADE,
        rank integer NOT NULL DEFAULT 0,
        PRIMARY KEY (product_id, image_id)
      );
      CREATE TABLE catalog.product_tags (
        product_id text NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
        product_tag_id text NOT NULL REFERENCES catalog.product_tag (id) ON DELETE CASCADE,
        PRIMARY KEY (product_id, product_tag_id)
      );
      CREATE INDEX product_tags_tag_idx ON catalog.product_tags (product_tag_id);
      CREATE TABLE catalog.product_category_product (
        product_category_id text NOT NULL REFERENCES catalog.product_category (id) ON DELETE CASCADE,
        product_id text NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
        PRIMARY KEY (product_category_id, product_id)
      );
      CREATE INDEX product_category_product_product_idx ON catalog.product_category_product (product_id);

      CREATE TABLE catalog.product_option (
        id text PRIMARY KEY,
        title text NOT NULL,
        product_id text NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
        rank integer NOT NULL DEFAULT 0,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE INDEX product_option_product_idx ON catalog.product_option (product_id);
      CREATE TABLE catalog.product_variant (
        id text PRIMARY KEY,
        title text NOT NULL,
        product_id text NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
        sku text UNIQUE,
        barcode text UNIQUE, ean text UNIQUE, upc text UNIQUE,
        variant_rank integer NOT NULL DEFAULT 0,
        allow_backorder boolean NOT NULL DEFAULT false,
        manage_inventory boolean NOT NULL DEFAULT true,
        hs_code text, origin_country text, mid_code text, material text,
        weight integer, length integer, height integer, width integer,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE INDEX product_variant_product_idx ON catalog.product_variant (product_id);
      CREATE TABLE catalog.product_option_value (
        id text PRIMARY KEY,
        value text NOT NULL,
        option_id text NOT NULL REFERENCES catalog.product_option (id) ON DELETE CASCADE,
        variant_id text NOT NULL REFERENCES catalog.product_variant (id) ON DELETE CASCADE,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE INDEX product_option_value_option_idx ON catalog.product_option_value (option_id);
      CREATE INDEX product_option_value_variant_idx ON catalog.product_option_value (variant_id);

      CREATE TABLE catalog.price_list (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        type text NOT NULL CHECK (type IN ('sale', 'override')),
        status text NOT NULL CHECK (status IN ('active', 'draft')),
        starts_at timestamptz,
        ends_at timestamptz,
        includes_tax boolean NOT NULL DEFAULT false,${TIMESTAMPS}
      );
      CREATE TABLE catalog.price_list_customer_groups (
        price_list_id text NOT NULL REFERENCES catalog.price_list (id) ON DELETE CASCADE,
        customer_group_id text NOT NULL,
        PRIMARY KEY (price_list_id, customer_group_id)
      );
      CREATE TABLE catalog.money_amount (
        id text PRIMARY KEY,
        currency_code text NOT NULL REFERENCES catalog.currency (code),
        amount integer NOT NULL CHECK (amount >= 0),
        min_quantity integer CHECK (min_quantity >= 0),
        max_quantity integer CHECK (max_quantity >= 0),
        price_list_id text REFERENCES catalog.price_list (id) ON DELETE CASCADE,
        variant_id text NOT NULL REFERENCES catalog.product_variant (id) ON DELETE CASCADE,
        region_id text REFERENCES catalog.region (id) ON DELETE CASCADE,${TIMESTAMPS}
      );
      CREATE INDEX money_amount_variant_idx ON catalog.money_amount (variant_id);

      CREATE TABLE catalog.inventory_level (
        variant_id text PRIMARY KEY REFERENCES catalog.product_variant (id) ON DELETE CASCADE,
        stocked_quantity integer NOT NULL,
        reserved_quantity integer NOT NULL DEFAULT 0 CHECK (reserved_quantity >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE catalog.reservation (
        id text PRIMARY KEY,
        reservation_key text NOT NULL,
        variant_id text NOT NULL REFERENCES catalog.product_variant (id),
        quantity integer NOT NULL CHECK (quantity > 0),
        status text NOT NULL CHECK (status IN ('reserved', 'released', 'confirmed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX reservation_open_idx ON catalog.reservation (reservation_key, variant_id) WHERE status = 'reserved';
      CREATE INDEX reservation_key_idx ON catalog.reservation (reservation_key);

      CREATE TABLE catalog.shipping_option (
        id text PRIMARY KEY,
        name text NOT NULL,
        region_id text NOT NULL REFERENCES catalog.region (id) ON DELETE CASCADE,
        profile_id text NOT NULL REFERENCES catalog.shipping_profile (id),
        provider_id text NOT NULL REFERENCES catalog.fulfillment_provider (id),
        price_type text NOT NULL CHECK (price_type IN ('flat_rate', 'calculated')),
        amount integer CHECK (amount >= 0),
        is_return boolean NOT NULL DEFAULT false,
        admin_only boolean NOT NULL DEFAULT false,
        includes_tax boolean NOT NULL DEFAULT false,
        data jsonb NOT NULL DEFAULT '{}',
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE INDEX shipping_option_region_idx ON catalog.shipping_option (region_id);
      CREATE TABLE catalog.shipping_option_requirement (
        id text PRIMARY KEY,
        shipping_option_id text NOT NULL REFERENCES catalog.shipping_option (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('min_subtotal', 'max_subtotal')),
        amount integer NOT NULL CHECK (amount >= 0),
        deleted_at timestamptz
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE catalog.shipping_option_requirement, catalog.shipping_option, catalog.reservation,
        catalog.inventory_level, catalog.money_amount, catalog.price_list_customer_groups, catalog.price_list,
        catalog.product_option_value, catalog.product_variant, catalog.product_option,
        catalog.product_category_product, catalog.product_tags, catalog.product_images, catalog.image,
        catalog.product, catalog.product_category, catalog.product_tag, catalog.product_type,
        catalog.product_collection, catalog.shipping_profile;
    `);
  }
}
