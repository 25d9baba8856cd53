import { CartSnapshot, GiftCardRedemption, PresaleTerms } from '@app/contracts';

/** An order as stored: its columns, the cart frozen at checkout, and its payments. */
export interface StoredOrder {
  id: string;
  display_id: number;
  cart_id: string;
  status: string;
  fulfillment_status: string;
  payment_status: string;
  email: string;
  customer_id: string | null;
  region_id: string;
  currency_code: string;
  sales_channel_id: string | null;
  cart: CartSnapshot & { gift_card_transactions?: GiftCardRedemption[] };
  canceled_at: string | null;
  created_at: string;
  updated_at: string;
  metadata: Record<string, unknown> | null;
  pay_expire: string | null;
  shipping_on_delivery: boolean;
  presale: PresaleTerms | null;
  payments: Record<string, unknown>[];
  refunds: Record<string, unknown>[];
  fulfillments: Record<string, unknown>[];
  returns: Record<string, unknown>[];
  swaps?: Record<string, unknown>[];
}

type Json = Record<string, unknown>;

/**
 * An order as Medusa v1's store API shows it, with its totals as Medusa's order `decorateTotals`
 * gives them: the cart's item and shipping totals, `tax_total` without the gift cards' tax (which
 * `total` then no longer subtracts), and what was paid and refunded.
 */
export function presentOrder(order: StoredOrder): Json {
  const cart = order.cart;
  // An order paid after it was placed counts what its payments took; Medusa's, what they authorized.
  const counted = order.pay_expire ? order.payments.filter((payment) => payment.captured_at) : order.payments;
  const paid_total = counted.reduce(
    (sum, payment) => sum + (payment.amount as number) + ((payment.points_value as number) ?? 0),
    0,
  );
  // The merchant's refunds, as Medusa counts them; else what the payments gave back (a refund command).
  const refunded_total = order.refunds?.length
    ? order.refunds.reduce((sum, refund) => sum + (refund.amount as number), 0)
    : order.payments.reduce((sum, payment) => sum + (payment.amount_refunded as number), 0);
  const tax_total = cart.tax_total - cart.gift_card_tax_total;
  const withOrder = (rows: Json[]): Json[] =>
    rows.map((row) => ({ ...row, cart_id: cart.id, order_id: order.id }));
  return {
    object: 'order',
    id: order.id,
    status: order.status,
    fulfillment_status: order.fulfillment_status,
    payment_status: order.payment_status,
    display_id: order.display_id,
    cart_id: order.cart_id,
    customer_id: order.customer_id,
    customer: null,
    email: order.email,
    billing_address_id: cart.billing_address?.id ?? null,
    billing_address: cart.billing_address,
    shipping_address_id: cart.shipping_address?.id ?? null,
    shipping_address: cart.shipping_address,
    region_id: order.region_id,
    region: cart.region,
    currency_code: order.currency_code,
    tax_rate: null,
    discounts: cart.discounts,
    gift_cards: cart.gift_cards,
    shipping_methods: withOrder(cart.shipping_methods),
    payments: order.payments,
    fulfillments: order.fulfillments ?? [],
    returns: order.returns ?? [],
    claims: [],
    refunds: order.refunds ?? [],
    swaps: order.swaps ?? [],
    gift_card_transactions: (cart.gift_card_transactions ?? []).map((redemption) => {
      const card = (cart.gift_cards as { id: string; tax_rate?: number | null }[]).find(
        (candidate) => candidate.id === redemption.gift_card_id,
      );
      return {
        ...redemption,
        order_id: order.id,
        is_taxable: (cart.region as { gift_cards_taxable?: boolean }).gift_cards_taxable ?? false,
        tax_rate: card?.tax_rate ?? null,
        created_at: order.created_at,
      };
    }),
    items: withOrder(cart.items).map((item) => ({
      ...item,
      ...fulfilledQuantities(order.fulfillments ?? [], item.id as string),
      returned_quantity: returnedQuantity(order.returns ?? [], item.id as string),
      refundable: item.total,
    })),
    draft_order_id: null,
    canceled_at: order.canceled_at,
    no_notification: null,
    idempotency_key: null,
    external_id: null,
    sales_channel_id: order.sales_channel_id,
    created_at: order.created_at,
    updated_at: order.updated_at,
    metadata: order.metadata,
    subtotal: cart.subtotal,
    discount_total: cart.discount_total,
    // The order keeps the rounded discount (Medusa's raw total is the sum before rounding).
    raw_discount_total: cart.discount_total,
    shipping_total: cart.shipping_total,
    shipping_tax_total: cart.shipping_tax_total,
    item_tax_total: cart.item_tax_total,
    tax_total,
    gift_card_total: cart.gift_card_total,
    gift_card_tax_total: cart.gift_card_tax_total,
    total: cart.subtotal + cart.shipping_total + tax_total - (cart.gift_card_total + cart.discount_total),
    paid_total,
    refunded_total,
    refundable_amount: paid_total - refunded_total,
    ...(order.pay_expire ? { pay_expire: order.pay_expire } : {}),
    ...(order.presale ? { presale: order.presale } : {}),
  };
}

/** A line's `fulfilled_quantity` and `shipped_quantity` from the order's fulfillments not canceled (null for none, as Medusa). */
function fulfilledQuantities(
  fulfillments: Json[],
  itemId: string,
): { fulfilled_quantity: number | null; shipped_quantity: number | null } {
  let fulfilled = 0;
  let shipped = 0;
  for (const fulfillment of fulfillments) {
    if (fulfillment.canceled_at) continue;
    for (const item of (fulfillment.items as { item_id: string; quantity: number }[]) ?? []) {
      if (item.item_id !== itemId) continue;
      fulfilled += item.quantity;
      if (fulfillment.shipped_at) shipped += item.quantity;
    }
  }
  return { fulfilled_quantity: fulfilled || null, shipped_quantity: shipped || null };
}

/** A line's `returned_quantity`: units received back (null for none, as Medusa). */
function returnedQuantity(returns: Json[], itemId: string): number | null {
  let units = 0;
  for (const row of returns) {
    if (row.status !== 'received') continue;
    for (const item of (row.items as { item_id: string; received_quantity: number | null }[]) ?? []) {
      if (item.item_id === itemId) units += item.received_quantity ?? 0;
    }
  }
  return units || null;
}
