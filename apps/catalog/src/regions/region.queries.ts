import { DateComparison } from '@app/contracts';
import { dateRange, jsonArray, jsonObject, SqlBuilder, SqlQuery } from '@app/platform';

export const REGION_COLUMNS = [
  'id',
  'name',
  'currency_code',
  'tax_rate',
  'tax_code',
  'gift_cards_taxable',
  'automatic_taxes',
  'includes_tax',
  'tax_provider_id',
  'metadata',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;
/** Medusa's currencies of the regions a store is likely to have (others show `currency: null`). */
const CURRENCIES = [
  ['eur', '€', '€', 'Euro'],
  ['cny', 'CN¥', 'CN¥', 'Chinese Yuan'],
  ['usd', '$', '$', 'US Dollar'],
  ['gbp', '£', '£', 'British Pound Sterling'],
  ['hkd', 'HK$', '$', 'Hong Kong Dollar'],
  ['jpy', '¥', '￥', 'Japanese Yen'],
  ['dkk', 'Dkr', 'kr', 'Danish Krone'],
  ['sek', 'Skr', 'kr', 'Swedish Krona'],
];
const CURRENCY_JSON = `(SELECT jsonb_build_object('code', cur.code, 'symbol', cur.symbol, 'symbol_native', cur.symbol_native, 'name', cur.name,
    'includes_tax', COALESCE((SELECT c.includes_tax FROM catalog.currency c WHERE c.code = cur.code), false))
  FROM (VALUES ${CURRENCIES.map((row) => `(${row.map((value) => `'${value}'`).join(', ')})`).join(', ')})
    AS cur (code, symbol, symbol_native, name) WHERE cur.code = r.currency_code)`;
const COUNTRY_COLUMNS = ['id', 'iso_2', 'iso_3', 'num_code', 'name', 'display_name', 'region_id'] as const;
const PROVIDER_COLUMNS = ['id', 'is_installed'] as const;

/**
 * The region read model: Postgres builds each region's store representation — columns,
 * countries and providers — as one JSON value, so a store read is one round trip, one prepared
 * plan and one column to decode. (TypeORM loading the same relations through joins and hydrating
 * entities cost half the catalog's throughput.)
 */
export const REGION_OBJECT = `${jsonObject('r', REGION_COLUMNS, [
  `'currency', ${CURRENCY_JSON}`,
  `'countries', ${jsonArray(jsonObject('c', COUNTRY_COLUMNS), 'catalog.country c WHERE c.region_id = r.id', 'c.display_name')}`,
  `'payment_providers', ${jsonArray(
    jsonObject('p', PROVIDER_COLUMNS),
    'catalog.region_payment_providers rp JOIN catalog.payment_provider p ON p.id = rp.provider_id WHERE rp.region_id = r.id',
    'p.id',
  )}`,
  `'fulfillment_providers', ${jsonArray(
    jsonObject('f', PROVIDER_COLUMNS),
    'catalog.region_fulfillment_providers rf JOIN catalog.fulfillment_provider f ON f.id = rf.provider_id WHERE rf.region_id = r.id',
    'f.id',
  )}`,
])}`;
const REGION_JSON = `${REGION_OBJECT} AS region`;

export function regionByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.region.by-id',
    text: `SELECT ${REGION_JSON} FROM catalog.region r WHERE r.id = $1 AND r.deleted_at IS NULL`,
    values: [id],
  };
}

export interface RegionFilter {
  created_at?: DateComparison;
  updated_at?: DateComparison;
}

function regionWhere(sql: SqlBuilder, filter: RegionFilter): string {
  return [
    'r.deleted_at IS NULL',
    ...dateRange(sql, 'r.created_at', filter.created_at),
    ...dateRange(sql, 'r.updated_at', filter.updated_at),
  ].join(' AND ');
}

/** A page of live regions, oldest first. */
export function regionPageQuery(filter: RegionFilter, offset: number, limit: number): SqlQuery {
  const sql = new SqlBuilder();
  const where = regionWhere(sql, filter);
  return sql.query(
    `SELECT ${REGION_JSON} FROM catalog.region r WHERE ${where}
      ORDER BY r.created_at, r.id LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
  );
}

/** How many live regions match the filter. */
export function regionCountQuery(filter: RegionFilter): SqlQuery {
  const sql = new SqlBuilder();
  return sql.query(`SELECT count(*)::int AS count FROM catalog.region r WHERE ${regionWhere(sql, filter)}`);
}
