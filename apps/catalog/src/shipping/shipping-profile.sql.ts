import { jsonArray, jsonObject, SqlQuery } from '@app/platform';
import { PRODUCT_COLUMNS } from '../sql/columns';
import { OPTION_COLUMNS } from './shipping-option.sql';

/** Shipping profile `sp` as the admin shows it: with its live products and options. */
const PROFILE_JSON = jsonObject(
  'sp',
  ['id', 'name', 'type', 'metadata', 'created_at', 'updated_at', 'deleted_at'],
  [
    `'products', ${jsonArray(
      jsonObject('p', PRODUCT_COLUMNS),
      'catalog.product p WHERE p.profile_id = sp.id AND p.deleted_at IS NULL',
      'p.created_at, p.id',
    )}`,
    `'shipping_options', ${jsonArray(
      jsonObject('so', OPTION_COLUMNS),
      'catalog.shipping_option so WHERE so.profile_id = sp.id AND so.deleted_at IS NULL',
      'so.created_at, so.id',
    )}`,
  ],
);

export const PROFILES_QUERY: SqlQuery = {
  name: 'catalog.shipping-profile.list',
  text: `SELECT ${PROFILE_JSON} AS profile FROM catalog.shipping_profile sp WHERE sp.deleted_at IS NULL
         ORDER BY sp.created_at, sp.id`,
  values: [],
};

export function profileByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.shipping-profile.by-id',
    text: `SELECT ${PROFILE_JSON} AS profile FROM catalog.shipping_profile sp WHERE sp.id = $1 AND sp.deleted_at IS NULL`,
    values: [id],
  };
}
