import { PaymentSessionStatus, SalesChannel } from '@app/contracts';

/** A cart as `cart.sql.ts` loads it: every column, and relations as stored. */

export interface StoredItem {
  id: string;
  cart_id: string;
  title: string;
  description: string | null;
  thumbnail: string | null;
  is_return: boolean;
  is_giftcard: boolean;
  should_merge: boolean;
  allow_discounts: boolean;
  has_shipping: boolean | null;
  unit_price: number;
  variant_id: string;
  quantity: number;
  includes_tax: boolean;
  metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  variant: Record<string, unknown>;
  product_id: string;
  profile_id: string;
  product_type_id: string | null;
  product_collection_id: string | null;
  product_tag_ids: string[];
}

export interface StoredShippingMethod {
  id: string;
  cart_id: string;
  shipping_option_id: string;
  profile_id: string;
  price: number;
  data: Record<string, unknown>;
  includes_tax: boolean;
  shipping_option: Record<string, unknown>;
}

export interface StoredCondition {
  id: string;
  type: 'products' | 'product_types' | 'product_collections' | 'product_tags' | 'customer_groups';
  operator: 'in' | 'not_in';
  discount_rule_id: string;
  target_ids: string[];
}

export interface StoredDiscount {
  id: string;
  code: string;
  is_disabled: boolean;
  starts_at: string;
  ends_at: string | null;
  usage_limit: number | null;
  usage_count: number;
  rule: {
    id: string;
    type: 'fixed' | 'percentage' | 'free_shipping';
    value: number;
    allocation: 'total' | 'item' | null;
    conditions: StoredCondition[];
    [column: string]: unknown;
  };
  regions: string[];
  [column: string]: unknown;
}

export interface StoredGiftCard {
  id: string;
  code: string;
  value: number;
  balance: number;
  region_id: string;
  is_disabled: boolean;
  ends_at: string | null;
  tax_rate: number | null;
  [column: string]: unknown;
}

export interface StoredPaymentSession {
  id: string;
  cart_id: string;
  provider_id: string;
  is_selected: boolean | null;
  is_initiated: boolean;
  status: PaymentSessionStatus;
  data: Record<string, unknown>;
  idempotency_key: string | null;
  amount: number;
  payment_authorized_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StoredCart {
  id: string;
  /** Raised by every change (see CartStore.change). */
  version: number;
  email: string | null;
  region_id: string;
  customer_id: string | null;
  /** `default`, or `swap` for a swap's cart. */
  type: string;
  completed_at: string | null;
  billing_address: Record<string, unknown> | null;
  shipping_address: (Record<string, unknown> & { country_code: string | null }) | null;
  items: StoredItem[];
  shipping_methods: StoredShippingMethod[];
  discounts: StoredDiscount[];
  gift_cards: StoredGiftCard[];
  payment_sessions: StoredPaymentSession[];
  context: Record<string, unknown>;
  sales_channel_id: string | null;
  /** The channel the cart is sold in, as the catalog described it then. */
  sales_channel: SalesChannel | null;
  [column: string]: unknown;
}
