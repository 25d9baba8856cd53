import { QueryConfig, QueryShape, resolveQuery, selectFields } from '@app/platform';

type Json = Record<string, unknown>;

const TOTALS = [
  'subtotal',
  'discount_total',
  'shipping_total',
  'shipping_tax_total',
  'item_tax_total',
  'tax_total',
  'gift_card_total',
  'gift_card_tax_total',
  'total',
  'paid_total',
  'refunded_total',
  'refundable_amount',
];

const COLUMNS = [
  'id',
  'object',
  'status',
  'fulfillment_status',
  'payment_status',
  'display_id',
  'cart_id',
  'customer_id',
  'email',
  'billing_address_id',
  'shipping_address_id',
  'region_id',
  'currency_code',
  'tax_rate',
  'draft_order_id',
  'canceled_at',
  'no_notification',
  'idempotency_key',
  'external_id',
  'sales_channel_id',
  'created_at',
  'updated_at',
  'metadata',
];

/** Medusa v1's store order query config (`defaultStoreOrdersFields` / `…Relations`). */
export const ORDER_QUERY: QueryConfig = {
  defaultFields: [...COLUMNS, ...TOTALS],
  allowedFields: [...COLUMNS, ...TOTALS],
  defaultRelations: [
    'customer',
    'discounts',
    'discounts.rule',
    'fulfillments',
    'items',
    'items.variant',
    'payments',
    'region',
    'shipping_address',
    'shipping_methods',
  ],
  allowedRelations: [
    'customer',
    'discounts',
    'discounts.rule',
    'fulfillments',
    'items',
    'items.variant',
    'items.variant.product',
    'payments',
    'region',
    'shipping_address',
    'billing_address',
    'shipping_methods',
    'shipping_methods.shipping_option',
    'gift_cards',
    'returns',
    'claims',
    'swaps',
    'refunds',
    'gift_card_transactions',
  ],
  isList: false,
};

/**
 * An order shaped by `fields` and `expand` as Medusa's `transformStoreQuery` shapes it: without
 * either, the order as presented; `expand` names the relations to show (others are left out),
 * `fields` the columns and totals (with `id`). Unknown names are a 400.
 */
export function shapeOrder(order: Json, shape: QueryShape): Json {
  if (shape.fields === undefined && shape.expand === undefined) return order;
  const { select, relations } = resolveQuery(shape, ORDER_QUERY);
  const loaded = new Set<string>();
  for (const relation of relations) {
    const parts = relation.split('.');
    for (let index = 1; index <= parts.length; index += 1) loaded.add(parts.slice(0, index).join('.'));
  }
  return selectFields(withoutUnloaded(order, loaded, ''), select, loaded);
}

/** Drops the relations of `ORDER_QUERY` that were not asked for, at every depth. */
function withoutUnloaded(record: Json, loaded: Set<string>, path: string): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(record)) {
    const childPath = path ? `${path}.${key}` : key;
    if (ORDER_QUERY.allowedRelations.includes(childPath)) {
      if (!loaded.has(childPath)) continue;
      out[key] = Array.isArray(value)
        ? value.map((item) =>
            item && typeof item === 'object' ? withoutUnloaded(item as Json, loaded, childPath) : item,
          )
        : value && typeof value === 'object'
          ? withoutUnloaded(value as Json, loaded, childPath)
          : value;
    } else {
      out[key] = value;
    }
  }
  return out;
}
