import { DateComparison } from '@app/contracts';

/**
 * The region read model in SQL: Postgres builds each region's store representation — columns,
 * countries and providers — as one JSON value, so that a store read is one round trip, one prepared
 * plan and one column to decode. (TypeORM loading the same relations through joins and hydrating
 * entities cost half the catalog's throughput.) Timestamps are ISO 8601 in UTC, as JavaScript
 * writes them.
 */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const REGION_JSON = `json_build_object(
  'id', r.id, 'name', r.name, 'currency_code', r.currency_code, 'tax_rate', r.tax_rate,
  'tax_code', r.tax_code, 'gift_cards_taxable', r.gift_cards_taxable, 'automatic_taxes', r.automatic_taxes,
  'includes_tax', r.includes_tax, 'tax_provider_id', r.tax_provider_id, 'metadata', r.metadata,
  'created_at', ${iso('r.created_at')}, 'updated_at', ${iso('r.updated_at')}, 'deleted_at', ${iso('r.deleted_at')},
  'countries', COALESCE((
    SELECT json_agg(json_build_object(
      'id', c.id, 'iso_2', c.iso_2, 'iso_3', c.iso_3, 'num_code', c.num_code, 'name', c.name,
      'display_name', c.display_name, 'region_id', c.region_id) ORDER BY c.display_name)
    FROM catalog.country c WHERE c.region_id = r.id), '[]'),
  'payment_providers', COALESCE((
    SELECT json_agg(json_build_object('id', p.id, 'is_installed', p.is_installed) ORDER BY p.id)
    FROM catalog.region_payment_providers rp JOIN catalog.payment_provider p ON p.id = rp.provider_id
    WHERE rp.region_id = r.id), '[]'),
  'fulfillment_providers', COALESCE((
    SELECT json_agg(json_build_object('id', f.id, 'is_installed', f.is_installed) ORDER BY f.id)
    FROM catalog.region_fulfillment_providers rf JOIN catalog.fulfillment_provider f ON f.id = rf.provider_id
    WHERE rf.region_id = r.id), '[]')
) AS region`;

export interface SqlQuery {
  /** Set for fixed statements: Postgres plans them once per connection. */
  name?: string;
  text: string;
  values: unknown[];
}

export function regionByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.region.by-id',
    text: `SELECT ${REGION_JSON} FROM catalog.region r WHERE r.id = $1 AND r.deleted_at IS NULL`,
    values: [id],
  };
}

const OPERATORS = { lt: '<', gt: '>', lte: '<=', gte: '>=' } as const;

export interface RegionFilter {
  created_at?: DateComparison;
  updated_at?: DateComparison;
}

/** The WHERE clause of a region listing, with its parameters. */
function regionWhere(filter: RegionFilter): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const conditions = ['r.deleted_at IS NULL'];
  for (const column of ['created_at', 'updated_at'] as const) {
    for (const [key, operator] of Object.entries(OPERATORS) as [keyof DateComparison, string][]) {
      const value = filter[column]?.[key];
      if (value === undefined) continue;
      values.push(value);
      conditions.push(`r.${column} ${operator} $${values.length}`);
    }
  }
  return { sql: conditions.join(' AND '), values };
}

/** A page of live regions, oldest first. */
export function regionPageQuery(filter: RegionFilter, offset: number, limit: number): SqlQuery {
  const where = regionWhere(filter);
  const values = [...where.values, limit, offset];
  return {
    text: `SELECT ${REGION_JSON} FROM catalog.region r WHERE ${where.sql}
      ORDER BY r.created_at, r.id LIMIT $${values.length - 1} OFFSET $${values.length}`,
    values,
  };
}

/** How many live regions match the filter. */
export function regionCountQuery(filter: RegionFilter): SqlQuery {
  const where = regionWhere(filter);
  return {
    text: `SELECT count(*)::int AS count FROM catalog.region r WHERE ${where.sql}`,
    values: where.values,
  };
}
