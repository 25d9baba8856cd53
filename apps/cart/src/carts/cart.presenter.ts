import { Cart, Region } from '@app/contracts';
import { createHash } from 'node:crypto';
import { cartTotals, lineItemTotals } from '../totals/cart-totals';
import { lineAdjustments } from '../totals/discount-allocation';
import { ItemTotals, ShippingMethodTotals, TaxLine, TotalsItem } from '../totals/totals.types';
import { CART_COLUMNS } from './cart.sql';
import { StoredCart, StoredCondition, StoredDiscount, StoredItem } from './stored-cart';

export interface PresentOptions {
  /** Medusa's `tax_inclusive_pricing` flag. */
  taxInclusivePricing: boolean;
  /** Compute taxes even when the region's automatic taxes are off (`POST /carts/{id}/taxes`). */
  forceTaxes?: boolean;
  /** The customer's groups, for `customer_groups` discount conditions. */
  customerGroupIds?: string[];
}

/** A line as Medusa shows it on a cart: its columns, order relations (none yet), adjustments, taxes and totals. */
function presentItem(
  item: StoredItem,
  totals: ItemTotals,
  adjustments: LineItemAdjustment[],
  tax_lines: TaxLine[],
) {
  return {
    id: item.id,
    cart_id: item.cart_id,
    title: item.title,
    description: item.description,
    thumbnail: item.thumbnail,
    is_return: item.is_return,
    is_giftcard: item.is_giftcard,
    should_merge: item.should_merge,
    allow_discounts: item.allow_discounts,
    has_shipping: item.has_shipping,
    unit_price: item.unit_price,
    variant_id: item.variant_id,
    quantity: item.quantity,
    includes_tax: item.includes_tax,
    metadata: item.metadata,
    created_at: item.created_at,
    updated_at: item.updated_at,
    variant: item.variant,
    order_id: null,
    swap_id: null,
    claim_order_id: null,
    original_item_id: null,
    order_edit_id: null,
    fulfilled_quantity: null,
    returned_quantity: null,
    shipped_quantity: null,
    adjustments,
    tax_lines,
    subtotal: totals.subtotal,
    discount_total: totals.discount_total,
    raw_discount_total: totals.raw_discount_total,
    tax_total: totals.tax_total,
    total: totals.total,
    original_total: totals.original_total,
    original_tax_total: totals.original_tax_total,
  };
}

interface LineItemAdjustment {
  id: string;
  item_id: string;
  description: string;
  discount_id: string;
  amount: number;
  metadata: null;
}

/** Whether an item's product meets one discount condition (Medusa's `validateDiscountForProduct`). */
function meets(item: StoredItem, condition: StoredCondition, customerGroupIds: string[]): boolean {
  const values: Record<StoredCondition['type'], (string | null)[]> = {
    products: [item.product_id],
    product_types: [item.product_type_id],
    product_collections: [item.product_collection_id],
    product_tags: item.product_tag_ids,
    customer_groups: customerGroupIds,
  };
  const hit = values[condition.type].some((value) => value !== null && condition.target_ids.includes(value));
  return condition.operator === 'in' ? hit : !hit;
}

/** The discount that takes money off lines: the first one that is not free shipping, as in Medusa. */
export function lineDiscount(discounts: StoredDiscount[]): StoredDiscount | undefined {
  return discounts.find((discount) => discount.rule.type !== 'free_shipping');
}

/** A stable id for a computed adjustment. */
const adjustmentId = (itemId: string, discountId: string) =>
  `lia_${createHash('sha1').update(`${itemId}:${discountId}`).digest('hex').slice(0, 26).toUpperCase()}`;

/**
 * A stored cart as Medusa v1's store API shows it: region, addresses, lines with their variant,
 * adjustments and tax lines, shipping methods, discounts, gift cards, and every total of Medusa's
 * "new totals". Taxes are computed, not stored, while the region has automatic taxes.
 */
export function presentCart(cart: StoredCart, region: Region, options: PresentOptions): Cart {
  const inclusive = options.taxInclusivePricing;
  const taxed = region.automatic_taxes || !!options.forceTaxes;
  const rate: TaxLine = { rate: region.tax_rate, name: 'default', code: 'default' };
  const itemTaxLines = (item: StoredItem) =>
    taxed && !item.is_return
      ? [{ rate: region.tax_rate, name: 'default', code: 'default', item_id: item.id }]
      : [];
  const totalsItem = (item: StoredItem, raw_discount: number): TotalsItem => ({
    id: item.id,
    unit_price: item.unit_price,
    quantity: item.quantity,
    includes_tax: item.includes_tax,
    is_return: item.is_return,
    tax_lines: itemTaxLines(item),
    raw_discount,
  });

  const discount = lineDiscount(cart.discounts);
  const adjustments = discount
    ? lineAdjustments(
        cart.items.map((item) => ({
          id: item.id,
          unit_price: item.unit_price,
          quantity: item.quantity,
          allow_discounts: item.allow_discounts,
          is_return: item.is_return,
          subtotal: lineItemTotals(totalsItem(item, 0), inclusive).subtotal,
        })),
        {
          id: discount.id,
          type: discount.rule.type,
          value: discount.rule.value,
          allocation: discount.rule.allocation ?? 'total',
          applies: (itemId) => {
            const item = cart.items.find((candidate) => candidate.id === itemId) as StoredItem;
            return discount.rule.conditions.every((condition) =>
              meets(item, condition, options.customerGroupIds ?? []),
            );
          },
        },
      )
    : new Map<string, number>();

  const totals = cartTotals({
    items: cart.items.map((item) => totalsItem(item, adjustments.get(item.id) ?? 0)),
    shipping_methods: cart.shipping_methods.map((method) => ({
      id: method.id,
      price: method.price,
      includes_tax: method.includes_tax,
      tax_lines: taxed ? [rate] : [],
    })),
    gift_cards: cart.gift_cards.map((card) => ({
      balance: card.balance,
      tax_rate: region.gift_cards_taxable ? (card.tax_rate ?? region.tax_rate) : null,
    })),
    gift_cards_taxable: region.gift_cards_taxable,
    free_shipping: cart.discounts.some((candidate) => candidate.rule.type === 'free_shipping'),
    tax_inclusive_pricing: inclusive,
  });

  const items = cart.items.map((item) => {
    const amount = adjustments.get(item.id);
    const adjusted: LineItemAdjustment[] =
      amount && discount
        ? [
            {
              id: adjustmentId(item.id, discount.id),
              item_id: item.id,
              description: 'discount',
              discount_id: discount.id,
              amount,
              metadata: null,
            },
          ]
        : [];
    return presentItem(item, totals.items.get(item.id) as ItemTotals, adjusted, itemTaxLines(item));
  });
  const shipping_methods = cart.shipping_methods.map((method) => {
    const shown = totals.shipping_methods.get(method.id) as ShippingMethodTotals;
    return {
      id: method.id,
      cart_id: method.cart_id,
      shipping_option_id: method.shipping_option_id,
      price: method.price,
      data: method.data,
      includes_tax: method.includes_tax,
      shipping_option: method.shipping_option,
      order_id: null,
      claim_order_id: null,
      swap_id: null,
      return_id: null,
      tax_lines: taxed
        ? [{ rate: region.tax_rate, name: 'default', code: 'default', shipping_method_id: method.id }]
        : [],
      subtotal: shown.subtotal,
      tax_total: shown.tax_total,
      total: shown.total,
      original_total: shown.original_total,
      original_tax_total: shown.original_tax_total,
    };
  });
  const sums = totals.cart;
  return {
    object: 'cart',
    ...pickColumns(cart),
    sales_channel: cart.sales_channel,
    // A signed-in customer's profile lives in the customer app.
    customer: null,
    billing_address: cart.billing_address,
    shipping_address: cart.shipping_address,
    items,
    shipping_methods,
    discounts: cart.discounts.map(
      ({ regions: _regions, rule: { conditions: _conditions, ...rule }, ...rest }) => ({ ...rest, rule }),
    ),
    gift_cards: cart.gift_cards,
    region: { ...region, tax_rates: [] },
    payment_sessions: cart.payment_sessions,
    payment_session: cart.payment_sessions.find((session) => session.is_selected) ?? null,
    payment: null,
    subtotal: sums.subtotal,
    discount_total: sums.discount_total,
    raw_discount_total: sums.raw_discount_total,
    item_tax_total: sums.item_tax_total,
    shipping_total: sums.shipping_total,
    shipping_tax_total: sums.shipping_tax_total,
    tax_total: sums.tax_total,
    gift_card_total: sums.gift_card_total,
    gift_card_tax_total: sums.gift_card_tax_total,
    total: sums.total,
  } as Cart;
}

/** The cart's own columns, in their order. */
function pickColumns(cart: StoredCart): Pick<StoredCart, 'id' | 'region_id'> & Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const column of CART_COLUMNS) columns[column] = cart[column];
  return columns as Pick<StoredCart, 'id' | 'region_id'>;
}
