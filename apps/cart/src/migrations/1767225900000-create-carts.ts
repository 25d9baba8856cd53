import { MigrationInterface, QueryRunner } from 'typeorm';

const TIMESTAMPS = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz`;

/**
 * Carts and what is priced on them (Medusa v1's cart model): addresses, line items (with a
 * snapshot of their variant), shipping methods (with a snapshot of their option), discounts with
 * rules and conditions, and gift cards. Region, variant and option ids point into the catalog:
 * no foreign keys across apps.
 */
export class CreateCarts1767225900000 implements MigrationInterface {
  name = 'CreateCarts1767225900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cart.address (
        id text PRIMARY KEY,
        customer_id text,
        company text, first_name text, last_name text, address_1 text, address_2 text, city text,
        country_code text, province text, postal_code text, phone text,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE TABLE cart.cart (
        id text PRIMARY KEY,
        email text,
        billing_address_id text REFERENCES cart.address (id),
        shipping_address_id text REFERENCES cart.address (id),
        region_id text NOT NULL,
        customer_id text,
        payment_id text,
        type text NOT NULL DEFAULT 'default',
        completed_at timestamptz,
        payment_authorized_at timestamptz,
        idempotency_key text,
        context jsonb NOT NULL DEFAULT '{}',
        sales_channel_id text,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE TABLE cart.line_item (
        id text PRIMARY KEY,
        cart_id text NOT NULL REFERENCES cart.cart (id) ON DELETE CASCADE,
        title text NOT NULL,
        description text,
        thumbnail text,
        is_return boolean NOT NULL DEFAULT false,
        is_giftcard boolean NOT NULL DEFAULT false,
        should_merge boolean NOT NULL DEFAULT true,
        allow_discounts boolean NOT NULL DEFAULT true,
        has_shipping boolean,
        unit_price integer NOT NULL CHECK (unit_price >= 0),
        variant_id text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        includes_tax boolean NOT NULL DEFAULT false,
        metadata jsonb NOT NULL DEFAULT '{}',
        variant jsonb NOT NULL,
        product_id text NOT NULL,
        profile_id text NOT NULL,
        product_type_id text,
        product_collection_id text,
        product_tag_ids text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX line_item_cart_idx ON cart.line_item (cart_id, created_at);
      CREATE TABLE cart.shipping_method (
        id text PRIMARY KEY,
        cart_id text NOT NULL REFERENCES cart.cart (id) ON DELETE CASCADE,
        shipping_option_id text NOT NULL,
        profile_id text NOT NULL,
        price integer NOT NULL CHECK (price >= 0),
        data jsonb NOT NULL DEFAULT '{}',
        includes_tax boolean NOT NULL DEFAULT false,
        shipping_option jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX shipping_method_cart_idx ON cart.shipping_method (cart_id);

      CREATE TABLE cart.discount_rule (
        id text PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('fixed', 'percentage', 'free_shipping')),
        description text,
        value integer NOT NULL CHECK (value >= 0),
        allocation text CHECK (allocation IN ('total', 'item')),
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE TABLE cart.discount_condition (
        id text PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('products', 'product_types', 'product_collections', 'product_tags', 'customer_groups')),
        operator text NOT NULL CHECK (operator IN ('in', 'not_in')),
        discount_rule_id text NOT NULL REFERENCES cart.discount_rule (id) ON DELETE CASCADE,
        target_ids text[] NOT NULL DEFAULT '{}',
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE TABLE cart.discount (
        id text PRIMARY KEY,
        code text NOT NULL,
        is_dynamic boolean NOT NULL DEFAULT false,
        rule_id text NOT NULL REFERENCES cart.discount_rule (id),
        is_disabled boolean NOT NULL DEFAULT false,
        parent_discount_id text REFERENCES cart.discount (id),
        starts_at timestamptz NOT NULL DEFAULT now(),
        ends_at timestamptz,
        valid_duration text,
        usage_limit integer,
        usage_count integer NOT NULL DEFAULT 0,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE UNIQUE INDEX discount_code_idx ON cart.discount (upper(code)) WHERE deleted_at IS NULL;
      CREATE TABLE cart.discount_regions (
        discount_id text NOT NULL REFERENCES cart.discount (id) ON DELETE CASCADE,
        region_id text NOT NULL,
        PRIMARY KEY (discount_id, region_id)
      );
      CREATE TABLE cart.cart_discounts (
        cart_id text NOT NULL REFERENCES cart.cart (id) ON DELETE CASCADE,
        discount_id text NOT NULL REFERENCES cart.discount (id),
        applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (cart_id, discount_id)
      );

      CREATE TABLE cart.gift_card (
        id text PRIMARY KEY,
        code text NOT NULL,
        value integer NOT NULL CHECK (value >= 0),
        balance integer NOT NULL CHECK (balance >= 0),
        region_id text NOT NULL,
        order_id text,
        is_disabled boolean NOT NULL DEFAULT false,
        ends_at timestamptz,
        tax_rate real,
        metadata jsonb,${TIMESTAMPS}
      );
      CREATE UNIQUE INDEX gift_card_code_idx ON cart.gift_card (upper(code)) WHERE deleted_at IS NULL;
      CREATE TABLE cart.cart_gift_cards (
        cart_id text NOT NULL REFERENCES cart.cart (id) ON DELETE CASCADE,
        gift_card_id text NOT NULL REFERENCES cart.gift_card (id),
        applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (cart_id, gift_card_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE cart.cart_gift_cards, cart.gift_card, cart.cart_discounts, cart.discount_regions, cart.discount,
        cart.discount_condition, cart.discount_rule, cart.shipping_method, cart.line_item, cart.cart, cart.address;
    `);
  }
}
