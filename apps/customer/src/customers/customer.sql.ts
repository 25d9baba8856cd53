import { jsonArray, jsonObject, SqlQuery } from '@app/platform';

export const ADDRESS_COLUMNS = [
  'id',
  'customer_id',
  'company',
  'first_name',
  'last_name',
  'address_1',
  'address_2',
  'city',
  'country_code',
  'province',
  'postal_code',
  'phone',
  'created_at',
  'updated_at',
  'deleted_at',
  'metadata',
] as const;

const CUSTOMER_COLUMNS = [
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

/** The customer as Medusa's store routes show it: with the billing address and the address book. */
const CUSTOMER_JSON = jsonObject('c', CUSTOMER_COLUMNS, [
  `'billing_address', (SELECT ${jsonObject('b', ADDRESS_COLUMNS)} FROM customer.address b WHERE b.id = c.billing_address_id)`,
  `'shipping_addresses', ${jsonArray(
    jsonObject('a', ADDRESS_COLUMNS),
    'customer.address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL',
    'a.created_at, a.id',
  )}`,
]);

export function customerByIdQuery(id: string): SqlQuery {
  return {
    name: 'customer_by_id',
    text: `SELECT ${CUSTOMER_JSON} AS customer FROM customer.customer c WHERE c.id = $1 AND c.deleted_at IS NULL`,
    values: [id],
  };
}
