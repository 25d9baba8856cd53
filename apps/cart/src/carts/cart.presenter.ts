import { Cart, Region } from '@app/contracts';
import { createHash } from 'node:crypto';
import { cartTotals, lineItemTotals } from '../totals/cart-totals';
import { lineAdjustments } from '../totals/discount-allocation';
import { TaxLine } from '../totals/totals.types';
import { StoredCart, StoredCondition, StoredDiscount, StoredItem } from './stored-cart';

export interface PresentOptions {
  /** Medusa's `tax_inclusive_pricing` flag. */
  taxInclusivePricing: boolean;
  /** Compute taxes even when the region's automatic taxes are off (`POST /carts/{id}/taxes`). */
  forceTaxes?: boolean;
  /** The customer's groups, for `customer_groups` discount conditions. */
  customerGroupIds?: string[];
}

const ITEM_FIELDS = [
  'id',
  'cart_id',
  'title',
  'description',
  'thumbnail',
  'is_return',
  'is_giftcard',
  'should_merge',
  'allow_discounts',
  'has_shipping',
  'unit_price',
  'variant_id',
  'quantity',
  'includes_tax',
  'metadata',
  'created_at',
  'updated_at',
  'variant',
] as const;

const pick = <T extends object>(record: T, keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, (record as Record<string, unknown>)[key]]));

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
    taxed && !item.is_return ? [{ ...rate, item_id: item.id }] : [];

  const discount = lineDiscount(cart.discounts);
  const adjustments = discount
    ? lineAdjustments(
        cart.items.map((item) => ({
          id: item.id,
          unit_price: item.unit_price,
          quantity: item.quantity,
          allow_discounts: item.allow_discounts,
          is_return: item.is_return,
          subtotal: lineItemTotals({ ...item, tax_lines: itemTaxLines(item), raw_discount: 0 }, inclusive)
            .subtotal,
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
    items: cart.items.map((item) => ({
      ...item,
      tax_lines: itemTaxLines(item),
      raw_discount: adjustments.get(item.id) ?? 0,
    })),
    shipping_methods: cart.shipping_methods.map((method) => ({ ...method, tax_lines: taxed ? [rate] : [] })),
    gift_cards: cart.gift_cards.map((card) => ({
      balance: card.balance,
      tax_rate: region.gift_cards_taxable ? (card.tax_rate ?? region.tax_rate) : null,
    })),
    gift_cards_taxable: region.gift_cards_taxable,
    free_shipping: cart.discounts.some((candidate) => candidate.rule.type === 'free_shipping'),
    tax_inclusive_pricing: inclusive,
  });

  const items = cart.items.map((item) => {
    const { raw_discount_total: _raw, ...itemTotals } = totals.items.get(item.id) as NonNullable<
      ReturnType<typeof totals.items.get>
    >;
    const amount = adjustments.get(item.id);
    return {
      ...pick(item, ITEM_FIELDS),
      order_id: null,
      swap_id: null,
      claim_order_id: null,
      original_item_id: null,
      order_edit_id: null,
      fulfilled_quantity: null,
      returned_quantity: null,
      shipped_quantity: null,
      adjustments:
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
          : [],
      tax_lines: itemTaxLines(item),
      ...itemTotals,
    };
  });
  const shipping_methods = cart.shipping_methods.map((method) => ({
    ...method,
    order_id: null,
    claim_order_id: null,
    swap_id: null,
    return_id: null,
    tax_lines: taxed ? [{ ...rate, shipping_method_id: method.id }] : [],
    ...totals.shipping_methods.get(method.id),
  }));
  const { raw_discount_total: _raw, ...cartTotalsShown } = totals.cart;
  const { items: _items, shipping_methods: _methods, discounts, gift_cards, ...columns } = cart;
  return {
    ...columns,
    items,
    shipping_methods,
    discounts: discounts.map(
      ({ regions: _regions, rule: { conditions: _conditions, ...rule }, ...rest }) => ({ ...rest, rule }),
    ),
    gift_cards,
    region: { ...region, tax_rates: [] },
    payment_sessions: [],
    payment: null,
    ...cartTotalsShown,
  } as Cart;
}
