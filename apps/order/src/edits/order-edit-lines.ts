import { PricedItem } from '@app/contracts';
import { roundMoney } from '@app/platform';

type Json = Record<string, unknown>;

/** A line of an order edit: an order line as the order shows it, with the edit's links. */
export interface EditLine extends Json {
  id: string;
  variant_id: string;
  unit_price: number;
  quantity: number;
  includes_tax: boolean;
  tax_lines: ({ rate: number } & Json)[];
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
  original_total: number;
  original_tax_total: number;
  /** The order's line this one stands for; null for a line the edit adds. */
  original_item_id: string | null;
}

/** What a line of `quantity` units costs, at its unit price, discount per unit and tax rates. */
function priced(line: EditLine, quantity: number, discountPerUnit: number): EditLine {
  const rate = line.tax_lines.reduce((sum, tax) => sum + tax.rate, 0) / 100;
  const gross = line.unit_price * quantity;
  const discount = roundMoney(discountPerUnit * quantity);
  if (line.includes_tax) {
    const tax = roundMoney(((gross - discount) * rate) / (1 + rate));
    const originalTax = roundMoney((gross * rate) / (1 + rate));
    return {
      ...line,
      quantity,
      subtotal: gross - originalTax,
      discount_total: discount,
      tax_total: tax,
      total: gross - discount,
      original_total: gross,
      original_tax_total: originalTax,
    };
  }
  const tax = roundMoney((gross - discount) * rate);
  const originalTax = roundMoney(gross * rate);
  return {
    ...line,
    quantity,
    subtotal: gross,
    discount_total: discount,
    tax_total: tax,
    total: gross - discount + tax,
    original_total: gross + originalTax,
    original_tax_total: originalTax,
  };
}

/**
 * The order's line as a line of the edit `editId`: the same, under a new id, pointing at it (its
 * discount kept per unit when its quantity changes).
 */
export function editLineOf(orderLine: EditLine, id: string, editId: string): EditLine {
  return { ...orderLine, id, original_item_id: orderLine.id, order_edit_id: editId };
}

/** The line with `quantity` units: its discount per unit and its taxes as before. */
export function withQuantity(line: EditLine, quantity: number): EditLine {
  const perUnit = line.quantity ? line.discount_total / line.quantity : 0;
  return priced(line, quantity, perUnit);
}

/** A new line for a variant priced by the catalog in the order's region, taxed at `taxRate` %. */
export function addedLine(
  item: PricedItem,
  id: string,
  editId: string,
  taxRate: number,
  at: string,
): EditLine {
  const product = item.variant.product as Record<string, unknown>;
  const line: EditLine = {
    id,
    cart_id: null,
    order_id: null,
    swap_id: null,
    claim_order_id: null,
    title: product.title as string,
    description: item.variant.title,
    thumbnail: (product.thumbnail as string | null) ?? null,
    is_return: false,
    is_giftcard: product.is_giftcard as boolean,
    should_merge: true,
    allow_discounts: product.discountable as boolean,
    has_shipping: null,
    unit_price: item.pricing.calculated_price as number,
    variant_id: item.variant_id,
    quantity: item.quantity,
    includes_tax: false,
    metadata: {},
    created_at: at,
    updated_at: at,
    variant: item.variant as unknown as Json,
    adjustments: [],
    tax_lines: [{ rate: taxRate, name: 'default', code: 'default', item_id: id }],
    subtotal: 0,
    discount_total: 0,
    tax_total: 0,
    total: 0,
    original_total: 0,
    original_tax_total: 0,
    original_item_id: null,
    order_edit_id: editId,
    fulfilled_quantity: null,
    returned_quantity: null,
    shipped_quantity: null,
  };
  return priced(line, item.quantity, 0);
}

/** The order's totals as they would be with these lines: shipping and gift cards as they are. */
export interface OrderTotals {
  subtotal: number;
  discount_total: number;
  item_tax_total: number;
  shipping_total: number;
  shipping_tax_total: number;
  tax_total: number;
  gift_card_total: number;
  gift_card_tax_total: number;
  total: number;
}

/**
 * Totals as the order's presenter computes them (its `total`: subtotal, shipping and tax without the
 * gift cards' tax, less gift cards and discounts), with `lines` for the order's.
 */
export function totalsWith(lines: EditLine[], order: OrderTotals): OrderTotals {
  const sum = (pick: (line: EditLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const subtotal = sum((line) => line.subtotal);
  const discount_total = sum((line) => line.discount_total);
  const item_tax_total = sum((line) => line.tax_total);
  const tax_total = item_tax_total + order.shipping_tax_total;
  return {
    subtotal,
    discount_total,
    item_tax_total,
    shipping_total: order.shipping_total,
    shipping_tax_total: order.shipping_tax_total,
    tax_total,
    gift_card_total: order.gift_card_total,
    gift_card_tax_total: order.gift_card_tax_total,
    total:
      subtotal +
      order.shipping_total +
      (tax_total - order.gift_card_tax_total) -
      (order.gift_card_total + discount_total),
  };
}
