/** The inputs of Medusa v1's "new totals" (`NewTotalsService`), in minor units. */

export interface TaxLine {
  rate: number;
  name: string;
  code: string | null;
}

export interface TotalsItem {
  id: string;
  unit_price: number;
  quantity: number;
  /** Tax-inclusive price (only with the tax-inclusive pricing flag; off by default). */
  includes_tax: boolean;
  is_return: boolean;
  tax_lines: TaxLine[];
  /** D: the raw discount of the line (sum of its adjustments), may be fractional. */
  raw_discount: number;
}

export interface TotalsShippingMethod {
  id: string;
  price: number;
  includes_tax: boolean;
  tax_lines: TaxLine[];
}

export interface TotalsGiftCard {
  balance: number;
  /** Null unless the region's gift cards are taxable. */
  tax_rate: number | null;
}

export interface TotalsInput {
  items: TotalsItem[];
  shipping_methods: TotalsShippingMethod[];
  gift_cards: TotalsGiftCard[];
  gift_cards_taxable: boolean;
  /** The cart has a free-shipping discount. */
  free_shipping: boolean;
  /** Medusa's `tax_inclusive_pricing` feature flag (off by default): honour `includes_tax`. */
  tax_inclusive_pricing: boolean;
}

export interface ItemTotals {
  subtotal: number;
  discount_total: number;
  raw_discount_total: number;
  tax_total: number;
  total: number;
  original_total: number;
  original_tax_total: number;
}

export interface ShippingMethodTotals {
  subtotal: number;
  tax_total: number;
  total: number;
  original_total: number;
  original_tax_total: number;
}

export interface CartTotals {
  subtotal: number;
  discount_total: number;
  raw_discount_total: number;
  item_tax_total: number;
  shipping_total: number;
  shipping_tax_total: number;
  tax_total: number;
  gift_card_total: number;
  gift_card_tax_total: number;
  total: number;
}
