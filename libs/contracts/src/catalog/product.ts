/** The wire shapes of Medusa v1's products, as the store API returns them. */

export interface MoneyAmount {
  id: string;
  currency_code: string;
  amount: number;
  min_quantity: number | null;
  max_quantity: number | null;
  price_list_id: string | null;
  price_list: PriceList | null;
  variant_id: string;
  region_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PriceList {
  id: string;
  name: string;
  description: string;
  type: 'sale' | 'override';
  status: 'active' | 'draft';
  starts_at: string | null;
  ends_at: string | null;
  includes_tax: boolean;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TaxRateRef {
  rate: number;
  name: string;
  code: string;
}

/** Prices of a variant in a region or currency (Medusa's `PricedVariant` fields). */
export interface VariantPricing {
  original_price: number | null;
  calculated_price: number | null;
  calculated_price_type?: 'default' | 'sale' | 'override' | null;
  original_price_includes_tax: boolean | null;
  calculated_price_includes_tax: boolean | null;
  original_price_incl_tax: number | null;
  calculated_price_incl_tax: number | null;
  original_tax: number | null;
  calculated_tax: number | null;
  tax_rates: TaxRateRef[] | null;
}

export interface ProductVariant extends Partial<VariantPricing> {
  id: string;
  title: string;
  product_id: string;
  sku: string | null;
  inventory_quantity: number;
  allow_backorder: boolean;
  manage_inventory: boolean;
  purchasable?: boolean;
  prices?: MoneyAmount[];
  options?: Record<string, unknown>[];
  product?: Record<string, unknown>;
  [column: string]: unknown;
}

export interface Product {
  id: string;
  title: string;
  handle: string | null;
  is_giftcard: boolean;
  status: string;
  profile_id: string;
  collection_id: string | null;
  type_id: string | null;
  created_at: string;
  variants?: ProductVariant[];
  [column: string]: unknown;
}
