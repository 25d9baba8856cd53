import { jsonArray, jsonObject } from '@app/platform';

const ORDER_COLUMNS = [
  'id',
  'display_id',
  'cart_id',
  'status',
  'fulfillment_status',
  'payment_status',
  'email',
  'customer_id',
  'region_id',
  'currency_code',
  'sales_channel_id',
  'cart',
  'canceled_at',
  'created_at',
  'updated_at',
  'metadata',
  'pay_expire',
  'shipping_on_delivery',
  'presale',
] as const;

const PAYMENT_COLUMNS = [
  'id',
  'cart_id',
  'order_id',
  'amount',
  'amount_refunded',
  'currency_code',
  'provider_id',
  'data',
  'captured_at',
  'canceled_at',
  'points',
  'points_value',
  'created_at',
  'updated_at',
] as const;

/**
 * An order as one JSON value, read in SQL (`o` the order row): its columns as Medusa's order shows them,
 * with its payments, refunds, returns, swaps and fulfillments.
 */
export const ORDER_JSON = jsonObject('o', ORDER_COLUMNS, [
  `'payments', ${jsonArray(
    jsonObject('p', PAYMENT_COLUMNS, ["'swap_id', null", "'idempotency_key', null", "'metadata', null"]),
    '"order".payment p WHERE p.order_id = o.id',
    'p.created_at',
  )}`,
  `'refunds', ${jsonArray(
    jsonObject(
      'r',
      ['id', 'order_id', 'amount', 'reason', 'note', 'created_at', 'updated_at'],
      ["'payment_id', null", "'idempotency_key', null", "'metadata', null"],
    ),
    `"order".refund r WHERE r.order_id = o.id AND r.status = 'succeeded'`,
    'r.created_at',
  )}`,
  `'returns', ${jsonArray(
    jsonObject(
      'rt',
      ['id', 'order_id', 'status', 'refund_amount', 'received_at', 'swap_id', 'created_at', 'updated_at'],
      [
        "'items', (SELECT coalesce(jsonb_agg(i || jsonb_build_object('return_id', rt.id)), '[]') FROM jsonb_array_elements(rt.items) i)",
        "'claim_order_id', null",
        "'shipping_data', null",
        "'location_id', null",
        "'no_notification', null",
        "'idempotency_key', null",
        "'metadata', null",
      ],
    ),
    '"order".return rt WHERE rt.order_id = o.id',
    'rt.created_at',
  )}`,
  `'swaps', ${jsonArray(
    jsonObject(
      'sw',
      [
        'id',
        'order_id',
        'cart_id',
        'difference_due',
        'payment_status',
        'fulfillment_status',
        'idempotency_key',
        'confirmed_at',
        'canceled_at',
        'created_at',
        'updated_at',
      ],
      [
        "'shipping_address_id', sw.shipping_address->>'id'",
        "'no_notification', null",
        "'allow_backorder', false",
        "'deleted_at', null",
        "'metadata', null",
      ],
    ),
    '"order".swap sw WHERE sw.order_id = o.id',
    'sw.created_at',
  )}`,
  `'fulfillments', ${jsonArray(
    jsonObject(
      'f',
      [
        'id',
        'order_id',
        'tracking_numbers',
        'no_notification',
        'shipped_at',
        'canceled_at',
        'metadata',
        'created_at',
        'updated_at',
      ],
      [
        "'items', (SELECT coalesce(jsonb_agg(i || jsonb_build_object('fulfillment_id', f.id)), '[]') FROM jsonb_array_elements(f.items) i)",
        "'tracking_links', (SELECT coalesce(jsonb_agg(jsonb_build_object('tracking_number', n, 'url', null)), '[]') FROM unnest(f.tracking_numbers) n)",
        "'provider_id', 'manual'",
        "'data', '{}'::jsonb",
        "'location_id', null",
        "'claim_order_id', null",
        "'swap_id', null",
        "'idempotency_key', null",
      ],
    ),
    '"order".fulfillment f WHERE f.order_id = o.id',
    'f.created_at',
  )}`,
]);
