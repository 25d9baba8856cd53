import { roundMoney } from '@app/platform';
import {
  CartTotals,
  ItemTotals,
  ShippingMethodTotals,
  TaxLine,
  TotalsInput,
  TotalsItem,
  TotalsShippingMethod,
} from './totals.types';

const rateOf = (line: TaxLine) => line.rate / 100;

/** Medusa v1 `getLineItemTotals_`: per line, from its unit price, quantity, tax lines and raw discount. */
export function lineItemTotals(item: TotalsItem, taxInclusivePricing: boolean): ItemTotals {
  const D = item.raw_discount;
  const discount_total = roundMoney(D);
  const gross = item.unit_price * item.quantity;
  if (!(taxInclusivePricing && item.includes_tax)) {
    const taxOf = (discount: number) =>
      roundMoney(
        item.tax_lines.reduce((sum, line) => sum + roundMoney((gross - discount) * rateOf(line)), 0),
      );
    const tax_total = taxOf(D);
    const original_tax_total = taxOf(0);
    return {
      subtotal: gross,
      discount_total,
      raw_discount_total: D,
      tax_total,
      total: gross - discount_total + tax_total,
      original_total: gross + original_tax_total,
      original_tax_total,
    };
  }
  const R = item.tax_lines.reduce((sum, line) => sum + rateOf(line), 0);
  const includedPerUnit = roundMoney((item.unit_price * R) / (1 + R));
  const taxOf = (discount: number) => {
    const base = (item.unit_price - includedPerUnit) * item.quantity - discount;
    return item.tax_lines.reduce((sum, line) => sum + roundMoney(base * rateOf(line)), 0);
  };
  const tax_total = taxOf(D);
  const original_tax_total = taxOf(0);
  // Medusa's quirk: without tax lines an inclusive line's subtotal stays 0.
  const subtotal = item.tax_lines.length ? gross - original_tax_total : 0;
  return {
    subtotal,
    discount_total,
    raw_discount_total: D,
    tax_total,
    total: subtotal - discount_total + tax_total,
    original_total: subtotal + original_tax_total,
    original_tax_total,
  };
}

/** Medusa v1 `getShippingMethodTotals_`: taxed once over the sum of its rates; zero with free shipping. */
export function shippingMethodTotals(
  method: TotalsShippingMethod,
  freeShipping: boolean,
  taxInclusivePricing: boolean,
): ShippingMethodTotals {
  const totals = {
    subtotal: method.price,
    tax_total: 0,
    total: method.price,
    original_total: method.price,
    original_tax_total: 0,
  };
  if (method.tax_lines.length) {
    const inclusive = taxInclusivePricing && method.includes_tax;
    const tax = roundMoney(
      method.tax_lines.reduce(
        (sum, line) =>
          sum +
          (inclusive ? (method.price * rateOf(line)) / (1 + rateOf(line)) : method.price * rateOf(line)),
        0,
      ),
    );
    totals.tax_total = tax;
    totals.original_tax_total = tax;
    if (inclusive) totals.subtotal = method.price - tax;
    else totals.total = totals.original_total = method.price + tax;
  }
  if (freeShipping) {
    totals.subtotal = 0;
    totals.total = 0;
    totals.tax_total = 0;
  }
  return totals;
}

/**
 * Medusa v1 `decorateTotals` for a cart: sums of its lines and shipping methods, the discount
 * rounded once over the raw sum, gift cards applied to what they may pay (tax included unless the
 * region taxes gift cards), and
 * `total = subtotal + shipping_total + tax_total − (gift_card_total + discount_total + gift_card_tax_total)`.
 */
export function cartTotals(input: TotalsInput): {
  cart: CartTotals;
  items: Map<string, ItemTotals>;
  shipping_methods: Map<string, ShippingMethodTotals>;
} {
  const inclusive = input.tax_inclusive_pricing;
  const items = new Map(input.items.map((item) => [item.id, lineItemTotals(item, inclusive)]));
  const methods = new Map(
    input.shipping_methods.map((method) => [
      method.id,
      shippingMethodTotals(method, input.free_shipping, inclusive),
    ]),
  );
  const sum = <T>(values: Iterable<T>, pick: (value: T) => number) =>
    [...values].reduce((acc, value) => acc + pick(value), 0);

  const subtotal = sum(items.values(), (item) => item.subtotal);
  const raw_discount_total = sum(items.values(), (item) => item.raw_discount_total);
  const discount_total = roundMoney(raw_discount_total);
  const item_tax_total = sum(items.values(), (item) => item.tax_total);
  const shipping_total = sum(methods.values(), (method) => method.subtotal);
  const shipping_tax_total = sum(methods.values(), (method) => method.tax_total);
  const tax_total = item_tax_total + shipping_tax_total;

  // Never below zero: a swap's cart that refunds takes nothing from a gift card.
  const giftCardable = Math.max(
    (input.gift_cards_taxable
      ? subtotal + shipping_total - discount_total
      : subtotal + shipping_total + tax_total - discount_total) || 0,
    0,
  );
  const gift_card_total = Math.min(
    giftCardable,
    sum(input.gift_cards, (card) => card.balance),
  );
  let remaining = giftCardable;
  let gift_card_tax_total = 0;
  for (const card of input.gift_cards) {
    const used = Math.min(remaining, card.balance);
    if (used > 0 && card.tax_rate) {
      gift_card_tax_total += roundMoney((used * card.tax_rate) / 100);
      remaining -= used;
    }
  }
  const total =
    subtotal + shipping_total + tax_total - (gift_card_total + discount_total + gift_card_tax_total);
  return {
    cart: {
      subtotal,
      discount_total,
      raw_discount_total,
      item_tax_total,
      shipping_total,
      shipping_tax_total,
      tax_total,
      gift_card_total,
      gift_card_tax_total,
      total,
    },
    items,
    shipping_methods: methods,
  };
}
