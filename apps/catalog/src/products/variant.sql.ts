import { ListVariantsQuery, NumericComparison } from '@app/contracts';
import {
  MONEY_COLUMNS,
  OPTION_VALUE_COLUMNS,
  PRICE_LIST_COLUMNS,
  PRODUCT_COLUMNS,
  PROFILE_COLUMNS,
  VARIANT_COLUMNS,
} from '../sql/columns';
import { jsonArray, jsonObject, SqlBuilder, SqlQuery } from '@app/platform';
import { salesChannelIds } from '../sales-channels/sales-channel.sql';

/** Which prices a read shows: Medusa's `findManyForVariantsInRegion`. */
export interface PriceScope {
  region_id?: string;
  currency_code?: string;
  /** The customer's groups; price lists for other groups never apply. */
  customer_group_ids: string[];
}

/**
 * The prices of variant `v` that apply in the scope: default prices and active, current price lists
 * for no group or the customer's groups, in the region or its currency when one is given. Each
 * carries its price list and whether it includes tax (dropped before it is shown).
 */
function pricesJson(sql: SqlBuilder, scope: PriceScope): string {
  const conditions = [
    'ma.variant_id = v.id',
    'ma.deleted_at IS NULL',
    `(ma.price_list_id IS NULL OR (pl.status = 'active' AND pl.deleted_at IS NULL
      AND (pl.starts_at IS NULL OR pl.starts_at < now()) AND (pl.ends_at IS NULL OR pl.ends_at > now())
      AND (NOT EXISTS (SELECT 1 FROM catalog.price_list_customer_groups g WHERE g.price_list_id = pl.id)
        OR EXISTS (SELECT 1 FROM catalog.price_list_customer_groups g
                   WHERE g.price_list_id = pl.id AND g.customer_group_id = ANY(${sql.param(scope.customer_group_ids)})))))`,
  ];
  const context = [
    scope.region_id ? `ma.region_id = ${sql.param(scope.region_id)}` : '',
    scope.currency_code ? `ma.currency_code = ${sql.param(scope.currency_code)}` : '',
  ].filter(Boolean);
  if (context.length) conditions.push(`(${context.join(' OR ')})`);
  const price = jsonObject('ma', MONEY_COLUMNS, [
    `'price_list', CASE WHEN pl.id IS NULL THEN NULL ELSE ${jsonObject('pl', PRICE_LIST_COLUMNS)} END`,
    `'includes_tax', COALESCE(pl.includes_tax, false) OR COALESCE(pr.includes_tax, false) OR cur.includes_tax`,
  ]);
  return jsonArray(
    price,
    `catalog.money_amount ma
     LEFT JOIN catalog.price_list pl ON pl.id = ma.price_list_id
     LEFT JOIN catalog.region pr ON pr.id = ma.region_id
     JOIN catalog.currency cur ON cur.code = ma.currency_code
     WHERE ${conditions.join(' AND ')}`,
    'ma.amount, ma.id',
  );
}

/** Variant `v` (joined with its inventory level `l`), with the relations asked for. */
export function variantJson(
  sql: SqlBuilder,
  relations: { prices: boolean; options: boolean; product: boolean; profiles?: boolean },
  scope: PriceScope,
): string {
  const extra = [
    `'inventory_quantity', COALESCE(l.stocked_quantity - l.reserved_quantity, 0)`,
    `'purchasable', (NOT v.manage_inventory OR v.allow_backorder OR COALESCE(l.stocked_quantity - l.reserved_quantity, 0) > 0)`,
  ];
  if (relations.prices) extra.push(`'prices', ${pricesJson(sql, scope)}`);
  if (relations.options) {
    extra.push(
      `'options', ${jsonArray(
        jsonObject('ov', OPTION_VALUE_COLUMNS),
        `catalog.product_option_value ov JOIN catalog.product_option o ON o.id = ov.option_id
         WHERE ov.variant_id = v.id AND ov.deleted_at IS NULL`,
        'o.rank, ov.id',
      )}`,
    );
  }
  if (relations.product) {
    extra.push(
      `'product', (SELECT ${jsonObject('vp', PRODUCT_COLUMNS, relations.profiles ? productProfiles('vp') : [])}
         FROM catalog.product vp WHERE vp.id = v.product_id)`,
    );
  }
  return jsonObject('v', VARIANT_COLUMNS, extra);
}

/** The product `product`'s shipping profile, as Medusa's cart lines show it (`profile` and `profiles`). */
function productProfiles(product: string): string[] {
  const profile = `catalog.shipping_profile sp WHERE sp.id = ${product}.profile_id`;
  return [
    `'profile', (SELECT ${jsonObject('sp', PROFILE_COLUMNS)} FROM ${profile})`,
    `'profiles', ${jsonArray(jsonObject('sp', PROFILE_COLUMNS), profile, 'sp.id')}`,
  ];
}

/** Variants of published products, as JSON with the relations asked for. */
export function variantPageQuery(
  query: ListVariantsQuery,
  relations: Set<string>,
  scope: PriceScope,
  offset: number,
  limit: number,
): SqlQuery {
  const sql = new SqlBuilder();
  const json = variantJson(
    sql,
    {
      prices: relations.has('prices'),
      options: relations.has('options'),
      product: relations.has('product'),
      profiles: relations.has('product.profiles'),
    },
    scope,
  );
  const conditions = ['v.deleted_at IS NULL', "p.status = 'published'", 'p.deleted_at IS NULL'];
  const ids = [...(query.ids?.split(',').filter(Boolean) ?? []), ...(query.id ?? [])];
  if (ids.length) conditions.push(`v.id = ANY(${sql.param(ids)})`);
  if (query.title?.length) conditions.push(`v.title = ANY(${sql.param(query.title)})`);
  if (query.sales_channel_id?.length) {
    conditions.push(
      `EXISTS (SELECT 1 FROM catalog.product_sales_channel psc
               WHERE psc.product_id = p.id AND psc.sales_channel_id = ANY(${sql.param(query.sales_channel_id)}))`,
    );
  }
  if (query.inventory_quantity !== undefined)
    conditions.push(...inventoryCondition(sql, query.inventory_quantity));
  return sql.query(
    `SELECT ${json} AS variant, ${salesChannelIds('p')} AS sales_channel_ids
     FROM catalog.product_variant v JOIN catalog.product p ON p.id = v.product_id
     LEFT JOIN catalog.inventory_level l ON l.variant_id = v.id
     WHERE ${conditions.join(' AND ')}
     ORDER BY v.created_at DESC, v.id DESC LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
  );
}

function inventoryCondition(sql: SqlBuilder, filter: number | NumericComparison): string[] {
  const available = 'COALESCE(l.stocked_quantity - l.reserved_quantity, 0)';
  if (typeof filter === 'number') return [`${available} = ${sql.param(filter)}`];
  const operators = { lt: '<', gt: '>', lte: '<=', gte: '>=' } as const;
  return (Object.keys(operators) as (keyof typeof operators)[])
    .filter((key) => filter[key] !== undefined)
    .map((key) => `${available} ${operators[key]} ${sql.param(filter[key])}`);
}
