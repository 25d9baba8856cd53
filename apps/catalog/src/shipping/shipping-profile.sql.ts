import { jsonArray, jsonObject, SqlQuery } from '@app/platform';

/** Shipping profile `sp` as the admin shows it: with its live products and options (ids and names). */
const PROFILE_JSON = jsonObject(
  'sp',
  ['id', 'name', 'type', 'metadata', 'created_at', 'updated_at', 'deleted_at'],
  [
    `'products', ${jsonArray(
      `json_build_object('id', p.id, 'title', p.title)`,
      'catalog.product p WHERE p.profile_id = sp.id AND p.deleted_at IS NULL',
      'p.created_at, p.id',
    )}`,
    `'shipping_options', ${jsonArray(
      `json_build_object('id', so.id, 'name', so.name, 'region_id', so.region_id)`,
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
