import { AdminListShippingOptionsQuery, ListShippingOptionsQuery } from '@app/contracts';
import { REGION_OBJECT } from '../regions/region.queries';
import { PROFILE_COLUMNS } from '../sql/columns';
import { jsonArray, jsonObject, SqlBuilder, SqlQuery } from '@app/platform';

export const OPTION_COLUMNS = [
  'id',
  'name',
  'region_id',
  'profile_id',
  'provider_id',
  'price_type',
  'amount',
  'is_return',
  'admin_only',
  'data',
  'includes_tax',
  'created_at',
  'updated_at',
  'deleted_at',
  'metadata',
] as const;
const REQUIREMENT_COLUMNS = ['id', 'shipping_option_id', 'type', 'amount', 'deleted_at'] as const;

/** A shipping option with its requirements (and `extra` relations), and its region's tax settings. */
function optionSelect(extra: string[] = []): string {
  return `SELECT ${jsonObject('so', OPTION_COLUMNS, [
    `'requirements', ${jsonArray(
      jsonObject('req', REQUIREMENT_COLUMNS),
      'catalog.shipping_option_requirement req WHERE req.shipping_option_id = so.id AND req.deleted_at IS NULL',
      'req.type',
    )}`,
    ...extra,
  ])} AS option, r.automatic_taxes, r.tax_rate
  FROM catalog.shipping_option so JOIN catalog.region r ON r.id = so.region_id`;
}

const OPTION_SELECT = optionSelect();
const PROFILE = `'profile', (SELECT ${jsonObject('sp', PROFILE_COLUMNS)} FROM catalog.shipping_profile sp WHERE sp.id = so.profile_id)`;
/** An option as the merchant's routes show it: with its profile and its region (Medusa's admin relations). */
const ADMIN_OPTION_SELECT = optionSelect([PROFILE, `'region', ${REGION_OBJECT}`]);

/** Store shipping options: never admin-only; of a region, a return flag, and the products' profiles. */
export function shippingOptionListQuery(query: ListShippingOptionsQuery): SqlQuery {
  const sql = new SqlBuilder();
  const where = ['so.deleted_at IS NULL', 'NOT so.admin_only'];
  if (query.region_id !== undefined) where.push(`so.region_id = ${sql.param(query.region_id)}`);
  if (query.is_return !== undefined) where.push(`so.is_return = ${sql.param(query.is_return === 'true')}`);
  const productIds = query.product_ids?.split(',').filter(Boolean) ?? [];
  if (productIds.length) {
    where.push(
      `so.profile_id IN (SELECT p.profile_id FROM catalog.product p WHERE p.id = ANY(${sql.param(productIds)}))`,
    );
  }
  return sql.query(`${OPTION_SELECT} WHERE ${where.join(' AND ')} ORDER BY so.created_at, so.id`);
}

/** A cart's candidates: store options of its region and its items' profiles, with their profile. */
export function cartShippingOptionsQuery(regionId: string, profileIds: string[]): SqlQuery {
  const sql = new SqlBuilder();
  const where = ['so.deleted_at IS NULL', 'NOT so.admin_only', 'NOT so.is_return'];
  where.push(`so.region_id = ${sql.param(regionId)}`, `so.profile_id = ANY(${sql.param(profileIds)})`);
  return sql.query(`${optionSelect([PROFILE])} WHERE ${where.join(' AND ')} ORDER BY so.created_at, so.id`);
}

export function adminShippingOptionByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.shipping-option.admin-by-id',
    text: `${ADMIN_OPTION_SELECT} WHERE so.id = $1 AND so.deleted_at IS NULL`,
    values: [id],
  };
}

export function shippingOptionByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.shipping-option.by-id',
    text: `${OPTION_SELECT} WHERE so.id = $1 AND so.deleted_at IS NULL`,
    values: [id],
  };
}

/** The merchant's shipping options: admin-only ones too; by region, return flag, admin-only flag. */
export function adminShippingOptionListQuery(query: AdminListShippingOptionsQuery): SqlQuery {
  const sql = new SqlBuilder();
  const where = ['so.deleted_at IS NULL'];
  if (query.region_id !== undefined) where.push(`so.region_id = ${sql.param(query.region_id)}`);
  if (query.is_return !== undefined) where.push(`so.is_return = ${sql.param(query.is_return === 'true')}`);
  if (query.admin_only !== undefined) where.push(`so.admin_only = ${sql.param(query.admin_only === 'true')}`);
  return sql.query(`${ADMIN_OPTION_SELECT} WHERE ${where.join(' AND ')} ORDER BY so.created_at, so.id`);
}
