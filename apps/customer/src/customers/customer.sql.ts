import { ADDRESS_KEYS } from '@app/contracts';
import { jsonArray, jsonObject, SqlQuery } from '@app/platform';

export const CUSTOMER_COLUMNS = [
  'id',
  'email',
  'first_name',
  'last_name',
  'billing_address_id',
  'phone',
  'has_account',
  'metadata',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;

/** A customer group as Medusa's admin shows one (groups are deleted outright). */
export const GROUP_JSON = jsonObject(
  'g',
  ['id', 'name', 'metadata', 'created_at', 'updated_at'],
  [`'deleted_at', NULL`],
);

const CUSTOMER_ADDRESSES = [
  `'billing_address', (SELECT ${jsonObject('b', ADDRESS_KEYS)} FROM customer.address b WHERE b.id = c.billing_address_id)`,
  `'shipping_addresses', ${jsonArray(
    jsonObject('a', ADDRESS_KEYS),
    'customer.address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL',
    'a.created_at, a.id',
  )}`,
];

/** The customer as Medusa's store routes show it: with the billing address and the address book. */
const CUSTOMER_JSON = jsonObject('c', CUSTOMER_COLUMNS, CUSTOMER_ADDRESSES);

/** The customer as the merchant sees one: the store's view and the groups the customer is in. */
export const ADMIN_CUSTOMER_JSON = jsonObject('c', CUSTOMER_COLUMNS, [
  ...CUSTOMER_ADDRESSES,
  `'groups', ${jsonArray(
    GROUP_JSON,
    'customer.customer_group_customer m JOIN customer.customer_group g ON g.id = m.customer_group_id WHERE m.customer_id = c.id',
    'g.name, g.id',
  )}`,
]);

export function customerByIdQuery(id: string): SqlQuery {
  return {
    name: 'customer_by_id',
    text: `SELECT ${CUSTOMER_JSON} AS customer FROM customer.customer c WHERE c.id = $1 AND c.deleted_at IS NULL`,
    values: [id],
  };
}
