/** Medusa v1's discount adjustments per line (`line-item-adjustment.ts`, `discount.ts`). */

export interface AllocatableItem {
  id: string;
  unit_price: number;
  quantity: number;
  allow_discounts: boolean;
  is_return: boolean;
  /** The line's tax-exclusive subtotal; differs from unit price × quantity only for tax-inclusive lines. */
  subtotal: number;
}

export interface AllocatedDiscount {
  id: string;
  type: 'percentage' | 'fixed' | 'free_shipping';
  value: number;
  allocation: 'total' | 'item';
  /** Whether a line's product meets the discount's conditions. */
  applies: (itemId: string) => boolean;
}

/**
 * The raw amount (possibly fractional, for fixed discounts spread over the total) the discount
 * takes off each line it applies to: percentage → round(price / 100 × value); fixed over the total →
 * min(value, S) × price / S, S being the subtotal of every discountable line; fixed per item →
 * value × quantity; never more than the line's price. Lines with nothing off are left out.
 */
export function lineAdjustments(items: AllocatableItem[], discount: AllocatedDiscount): Map<string, number> {
  const adjustments = new Map<string, number>();
  if (discount.type === 'free_shipping') return adjustments;
  const discountable = items.filter((item) => item.allow_discounts && !item.is_return);
  const S = discountable.reduce((sum, item) => sum + item.subtotal, 0);
  for (const item of discountable) {
    if (!discount.applies(item.id)) continue;
    const full = item.subtotal;
    let amount: number;
    if (discount.type === 'percentage') amount = Math.round((full / 100) * discount.value);
    else if (discount.allocation === 'total') amount = S > 0 ? (Math.min(discount.value, S) * full) / S : 0;
    else amount = discount.value * item.quantity;
    amount = Math.min(amount, full);
    if (amount > 0) adjustments.set(item.id, amount);
  }
  return adjustments;
}
