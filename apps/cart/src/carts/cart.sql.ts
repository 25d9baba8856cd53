import { ADDRESS_KEYS } from '@app/contracts';
import { jsonArray, jsonObject, SqlQuery } from '@app/platform';

const TIMESTAMPED = ['created_at', 'updated_at', 'deleted_at'] as const;

export const CART_COLUMNS = [
  'id',
  'email',
  'billing_address_id',
  'shipping_address_id',
  'region_id',
  'customer_id',
  'payment_id',
  'type',
  'completed_at',
  'payment_authorized_at',
  'idempotency_key',
  'context',
  'sales_channel_id',
  ...TIMESTAMPED,
  'metadata',
] as const;

/** A cart address's columns: Medusa's `Address`. */
export const ADDRESS_COLUMNS = ADDRESS_KEYS;

/** Line item columns, the public ones and those discount conditions need. */
const LINE_ITEM_COLUMNS = [
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
  'product_id',
  'profile_id',
  'product_type_id',
  'product_collection_id',
  'product_tag_ids',
] as const;

const SHIPPING_METHOD_COLUMNS = [
  'id',
  'cart_id',
  'shipping_option_id',
  'profile_id',
  'price',
  'data',
  'includes_tax',
  'shipping_option',
] as const;

export const DISCOUNT_COLUMNS = [
  'id',
  'code',
  'is_dynamic',
  'rule_id',
  'is_disabled',
  'parent_discount_id',
  'starts_at',
  'ends_at',
  'valid_duration',
  'usage_limit',
  'usage_count',
  ...TIMESTAMPED,
  'metadata',
] as const;

export const RULE_COLUMNS = [
  'id',
  'type',
  'description',
  'value',
  'allocation',
  ...TIMESTAMPED,
  'metadata',
] as const;
const CONDITION_COLUMNS = ['id', 'type', 'operator', 'discount_rule_id', 'target_ids'] as const;

export const GIFT_CARD_COLUMNS = [
  'id',
  'code',
  'value',
  'balance',
  'region_id',
  'order_id',
  'is_disabled',
  'ends_at',
  'tax_rate',
  ...TIMESTAMPED,
  'metadata',
] as const;

export const PAYMENT_SESSION_COLUMNS = [
  'id',
  'cart_id',
  'provider_id',
  'is_selected',
  'is_initiated',
  'status',
  'data',
  'idempotency_key',
  'amount',
  'payment_authorized_at',
  'created_at',
  'updated_at',
] as const;

/** A discount with its rule (and the rule's conditions, which carts need but never show). */
export const DISCOUNT_JSON = jsonObject('d', DISCOUNT_COLUMNS, [
  `'rule', ${jsonObject('dr', RULE_COLUMNS, [
    `'conditions', ${jsonArray(jsonObject('dc', CONDITION_COLUMNS), 'cart.discount_condition dc WHERE dc.discount_rule_id = dr.id', 'dc.id')}`,
  ])}`,
  `'regions', ARRAY(SELECT dreg.region_id FROM cart.discount_regions dreg WHERE dreg.discount_id = d.id)`,
]);

const address = (column: string) =>
  `(SELECT ${jsonObject('a', ADDRESS_COLUMNS)} FROM cart.address a WHERE a.id = c.${column})`;

/**
 * The whole cart as stored: columns, its version, addresses, lines, shipping methods, discounts,
 * gift cards and payment sessions.
 */
const CART_JSON = jsonObject('c', CART_COLUMNS, [
  `'version', c.version`,
  `'sales_channel', c.sales_channel`,
  `'billing_address', ${address('billing_address_id')}`,
  `'shipping_address', ${address('shipping_address_id')}`,
  `'items', ${jsonArray(jsonObject('li', LINE_ITEM_COLUMNS), 'cart.line_item li WHERE li.cart_id = c.id', 'li.created_at, li.id')}`,
  `'shipping_methods', ${jsonArray(
    jsonObject('sm', SHIPPING_METHOD_COLUMNS),
    'cart.shipping_method sm WHERE sm.cart_id = c.id',
    'sm.created_at, sm.id',
  )}`,
  `'discounts', ${jsonArray(
    DISCOUNT_JSON,
    'cart.cart_discounts cd JOIN cart.discount d ON d.id = cd.discount_id JOIN cart.discount_rule dr ON dr.id = d.rule_id WHERE cd.cart_id = c.id',
    'cd.applied_at',
  )}`,
  `'payment_sessions', ${jsonArray(
    jsonObject('ps', PAYMENT_SESSION_COLUMNS),
    'cart.payment_session ps WHERE ps.cart_id = c.id',
    'ps.created_at, ps.id',
  )}`,
  `'gift_cards', ${jsonArray(
    jsonObject('g', GIFT_CARD_COLUMNS),
    'cart.cart_gift_cards cg JOIN cart.gift_card g ON g.id = cg.gift_card_id WHERE cg.cart_id = c.id',
    'cg.applied_at',
  )}`,
]);

export function cartByIdQuery(id: string): SqlQuery {
  return {
    name: 'cart.cart.by-id',
    text: `SELECT ${CART_JSON} AS cart FROM cart.cart c WHERE c.id = $1 AND c.deleted_at IS NULL`,
    values: [id],
  };
}
